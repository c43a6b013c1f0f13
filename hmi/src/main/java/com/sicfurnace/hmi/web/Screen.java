package com.sicfurnace.hmi.web;

import com.sicfurnace.hmi.user.Role;
import java.util.List;

/**
 * A screen of the HMI, with the least role that may open it and whether it is built yet. The session page lists the
 * screens of the user's role from here: links to those that exist, and the others marked "not available yet". A
 * screen not built yet still has its route in the table (with its role), answering 501, so that the paths and who
 * may open them are settled before the screens are written.
 */
public record Screen(String name, String path, Role least, boolean available, String purpose) {
    public static final List<Screen> ALL = List.of(
            new Screen("Fleet", "/fleet", Role.OPERATOR, true, "every furnace at a glance"),
            new Screen("Alarms", "/alarms", Role.OPERATOR, true, "every furnace's alarms: acknowledge, shelve"),
            new Screen("Recipes", "/recipes", Role.ENGINEER, false, "recipes, versions and approval"),
            new Screen("Tuning", "/tuning", Role.ENGINEER, true, "control loop tuning and relay auto-tune"),
            new Screen("Users", "/admin/users", Role.ADMIN, true, "users and their roles"));

    public static List<Screen> forRole(Role role) {
        return ALL.stream().filter(s -> role.includes(s.least())).toList();
    }
}
