package com.sicfurnace.hmi.audit;

/** The HMI's actions in the audit trail, by the names its records carry. */
public enum HmiAction {
    LOGIN("login"),
    LOGIN_FAILED("login_failed"),
    LOGOUT("logout"),
    USER_CREATE("user_create"),
    USER_ROLE_CHANGE("user_role_change"),
    USER_DISABLE("user_disable"),
    USER_ENABLE("user_enable"),
    USER_PASSWORD_RESET("user_password_reset"),
    PASSWORD_CHANGE("password_change"),
    RECIPE_SAVE("recipe_save"),
    RECIPE_APPROVE("recipe_approve"),
    RECIPE_DRY_RUN("recipe_dry_run"),
    AUDIT_EXPORT("audit_export");

    private final String text;

    HmiAction(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }
}
