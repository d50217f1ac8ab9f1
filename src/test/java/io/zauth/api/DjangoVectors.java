package io.zauth.api;

import java.util.List;

/** Hashes made by Django 3.2 (reference §4.5) for the password below. */
public final class DjangoVectors {

    public static final String PASSWORD = "s3cret-Passw0rd";
    public static final String ARGON2ID_DJANGO_DEFAULT =
            "argon2$argon2id$v=19$m=102400,t=2,p=8$YWJjZGVmZ2hpamtsbW5vcHFyc3R1dg$UQP4/wkoxIqIJWw6OSjOOA";
    public static final String PBKDF2_SHA256_260000 =
            "pbkdf2_sha256$260000$abcdefghijklmnopqrstuv$QbctFKzfi8RoL12Ff/9IUivTnlLNo2QnSiwD5+p27Gg=";
    static final List<String> ALL = List.of(
            ARGON2ID_DJANGO_DEFAULT,
            "argon2$argon2id$v=19$m=102400,t=2,p=8$YWJjZGVmZ2hpamtsbW5vcHFyc3R1dg$blmpEmVr5Lcuf2x/C9laicEAC4B30bxntFtodCKWV8U",
            PBKDF2_SHA256_260000,
            "pbkdf2_sha256$600000$abcdefghijklmnopqrstuv$s+SRktx4LMdX45z/WsJbbEm5dqMqAhBn9/MxBIJI7Ro=",
            "pbkdf2_sha256$1000000$abcdefghijklmnopqrstuv$+xh19XWGwpDRbECJzrbjty0CpGDg9IU1S4dT9rXdImw=");

    private DjangoVectors() {}
}
