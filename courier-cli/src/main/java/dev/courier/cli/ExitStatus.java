package dev.courier.cli;

/** HTTPie's exit statuses ({@code httpie/status.py}), so scripts written for {@code http} keep working. */
final class ExitStatus {

    static final int SUCCESS = 0;
    static final int ERROR = 1;
    static final int TIMEOUT = 2;
    static final int REDIRECTION_3XX = 3;
    static final int CLIENT_ERROR_4XX = 4;
    static final int SERVER_ERROR_5XX = 5;
    static final int TOO_MANY_REDIRECTS = 6;

    private ExitStatus() {
    }

    /** Returns the status for HTTP {@code code} under {@code --check-status}: 3, 4, 5 or 0. */
    static int forHttpStatus(int code, boolean followed) {
        if (code >= 300 && code < 400 && !followed) {
            return REDIRECTION_3XX;
        }
        if (code >= 400 && code < 500) {
            return CLIENT_ERROR_4XX;
        }
        if (code >= 500 && code < 600) {
            return SERVER_ERROR_5XX;
        }
        return SUCCESS;
    }
}
