package com.sicfurnace.hmi.web;

import com.sicfurnace.hmi.refusal.Refused;
import com.sicfurnace.hmi.user.Role;
import com.sicfurnace.hmi.user.User;
import com.sicfurnace.hmi.user.UserAdmin;
import com.sicfurnace.hmi.user.UserStore;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The users API: list and create users, change a role or the enabled state (administrators), set a password (one's
 * own with the current one; another's as administrator). Bodies are JSON; refusals are JSON with a status
 * ({@link Refused}). No answer ever carries a password or a hash.
 */
public final class UserApi {
    private final UserStore users;
    private final UserAdmin admin;

    public UserApi(UserStore users, UserAdmin admin) {
        this.users = users;
        this.admin = admin;
    }

    public List<Route> routes() {
        return List.of(
                new Route(HandlerType.GET, "/api/v1/users", Access.ADMIN, "list users", this::list),
                new Route(HandlerType.POST, "/api/v1/users", Access.ADMIN, "create a user", this::create),
                new Route(HandlerType.PUT, "/api/v1/users/{name}", Access.ADMIN, "change role or enabled",
                        this::update),
                // operators set their own password here; the handler requires admin for anyone else's
                new Route(HandlerType.POST, "/api/v1/users/{name}/password", Access.OPERATOR,
                        "own password change (with the current one), or an administrator's reset", this::password));
    }

    private void list(Context ctx) {
        ctx.json(users.all().stream().map(UserApi::view).toList());
    }

    private void create(Context ctx) {
        Caller caller = Caller.required(ctx);
        JsonBody body = JsonBody.of(ctx, Set.of("name", "role", "password", "reason"));
        User user = admin.create(caller.actor(), body.requiredText("name"), body.requiredText("role"),
                body.requiredText("password"), body.text("reason").orElse(""));
        ctx.status(201).json(view(user));
    }

    private void update(Context ctx) {
        Caller caller = Caller.required(ctx);
        JsonBody body = JsonBody.of(ctx, Set.of("role", "enabled", "reason"));
        Optional<String> role = body.text("role");
        Optional<Boolean> enabled = body.flag("enabled");
        if (role.isEmpty() && enabled.isEmpty()) {
            throw new Refused(400, "invalid", "give 'role' or 'enabled' (or both)");
        }
        User user = admin.update(caller.actor(), ctx.pathParam("name"), role, enabled,
                body.text("reason").orElse(""));
        ctx.json(view(user));
    }

    private void password(Context ctx) {
        Caller caller = Caller.required(ctx);
        String name = ctx.pathParam("name");
        if (name.equals(caller.user().name())) {
            JsonBody body = JsonBody.of(ctx, Set.of("current_password", "new_password"));
            admin.changeOwnPassword(caller.actor(), caller.session().id(), body.requiredText("current_password"),
                    body.requiredText("new_password"), ctx.ip());
        } else {
            if (!caller.user().role().includes(Role.ADMIN)) {
                throw new Refused(403, "forbidden", "needs role admin to set another user's password; "
                        + caller.user().name() + " is " + caller.user().role().text());
            }
            JsonBody body = JsonBody.of(ctx, Set.of("new_password", "reason"));
            admin.resetPassword(caller.actor(), name, body.requiredText("new_password"),
                    body.text("reason").orElse(""));
        }
        ctx.status(204);
    }

    static Map<String, Object> view(User user) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("name", user.name());
        view.put("role", user.role().text());
        view.put("enabled", user.enabled());
        view.put("created", user.created().toString());
        view.put("password_changed", user.passwordChanged().toString());
        return view;
    }
}
