package dev.courier.templates;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Keeps what a java.util.logging logger (where System.Logger goes by default) is given, and
 * keeps it out of the build log until closed.
 */
final class CapturedLog extends Handler implements AutoCloseable {

    final List<LogRecord> records = new ArrayList<>();
    private final Logger logger;
    private final boolean useParent;

    CapturedLog(String name) {
        this.logger = Logger.getLogger(name);
        this.useParent = logger.getUseParentHandlers();
        logger.addHandler(this);
        logger.setUseParentHandlers(false);
    }

    @Override
    public synchronized void publish(LogRecord r) {
        records.add(r);
    }

    /** Returns the messages logged at SEVERE (System.Logger's ERROR). */
    synchronized List<String> errors() {
        List<String> out = new ArrayList<>();
        for (LogRecord r : records) {
            if (r.getLevel() == Level.SEVERE) {
                out.add(r.getMessage());
            }
        }
        return out;
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        logger.removeHandler(this);
        logger.setUseParentHandlers(useParent);
    }
}
