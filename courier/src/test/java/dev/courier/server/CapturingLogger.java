package dev.courier.server;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;

/** A {@link System.Logger} that keeps what it is given, so tests can check what was logged. */
final class CapturingLogger implements System.Logger {

    /** One logged event. */
    static final class Entry {
        final Level level;
        final String message;
        final Throwable thrown;

        Entry(Level level, String message, Throwable thrown) {
            this.level = level;
            this.message = message;
            this.thrown = thrown;
        }
    }

    final List<Entry> entries = new ArrayList<>();

    @Override
    public String getName() {
        return "capturing";
    }

    @Override
    public boolean isLoggable(Level level) {
        return true;
    }

    @Override
    public void log(Level level, ResourceBundle bundle, String msg, Throwable thrown) {
        entries.add(new Entry(level, msg, thrown));
    }

    @Override
    public void log(Level level, ResourceBundle bundle, String format, Object... params) {
        entries.add(new Entry(level, params == null ? format : MessageFormat.format(format, params), null));
    }
}
