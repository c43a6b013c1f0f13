package com.sicfurnace.hmi.login;

/** Why a login was refused, as the audit trail names it ({@code before.cause}) and says it ({@code detail}). */
public enum LoginFailure {
    WRONG_PASSWORD("wrong_password", "wrong password"),
    UNKNOWN_USER("unknown_user", "unknown user"),
    THROTTLED("throttled", "throttled: too many failed logins"),
    DISABLED("disabled", "user disabled");

    private final String code;
    private final String words;

    LoginFailure(String code, String words) {
        this.code = code;
        this.words = words;
    }

    public String code() {
        return code;
    }

    public String words() {
        return words;
    }
}
