package com.sicfurnace.hmi.web;

import com.sicfurnace.hmi.user.Role;
import java.util.List;

/** A screen of the HMI with the least role that may open it: the session page lists those of the user's role. */
public record Screen(String name, String path, Role least, String purpose) {
    public static final List<Screen> ALL = List.of(
            new Screen("Fleet", "/fleet", Role.OPERATOR, "every furnace at a glance"),
            new Screen("Alarms", "/alarms", Role.OPERATOR, "every furnace's alarms: acknowledge, shelve"),
            new Screen("Recipes", "/recipes", Role.ENGINEER, "recipes, versions, approval and dry runs"),
            new Screen("Tuning", "/tuning", Role.ENGINEER, "control loop tuning and relay auto-tune"),
            new Screen("Audit", "/audit", Role.ENGINEER,
                    "the audit trails of the HMI and every furnace: filter, verify, export"),
            new Screen("Users", "/admin/users", Role.ADMIN, "users and their roles"));

    public static List<Screen> forRole(Role role) {
        return ALL.stream().filter(s -> role.includes(s.least())).toList();
    }
}
