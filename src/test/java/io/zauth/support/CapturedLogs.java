package io.zauth.support;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.jboss.logmanager.ExtLogRecord;

/**
 * Every record a log category (and those below it) publishes while attached, with the logging
 * context (MDC) as it was when the record was made.
 */
public final class CapturedLogs extends Handler {

    private final String category;
    private final List<LogRecord> records = new CopyOnWriteArrayList<>();

    /** @param category a logger name; {@code ""} is the root, which sees every record */
    public CapturedLogs(String category) {
        this.category = category;
        setLevel(Level.ALL);
    }

    public void attach() {
        Logger.getLogger(category).addHandler(this);
    }

    public void detach() {
        Logger.getLogger(category).removeHandler(this);
    }

    public List<LogRecord> records() {
        return records;
    }

    @Override
    public void publish(LogRecord record) {
        if (record instanceof ExtLogRecord ext) {
            ext.copyMdc();
        }
        records.add(record);
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
}
