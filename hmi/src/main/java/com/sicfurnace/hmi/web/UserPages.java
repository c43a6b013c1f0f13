package com.sicfurnace.hmi.web;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.List;

/**
 * The administrators' Users page: the table and forms are filled and sent by {@code /static/js/users.js} (a plain ES
 * module, no build step) through the users API, with the session's CSRF token in the {@code X-CSRF-Token} header.
 */
public final class UserPages {
    public List<Route> routes() {
        return List.of(new Route(HandlerType.GET, "/admin/users", Access.ADMIN, "the Users page", UserPages::page));
    }

    private static void page(Context ctx) {
        String body = """
                <p class="message" id="result" role="status" hidden></p>
                <table id="users">
                <thead><tr><th>User</th><th>Role</th><th>Enabled</th><th>Password changed</th>
                <th>Change role</th></tr></thead>
                <tbody></tbody>
                </table>
                <h2>New user</h2>
                <form class="panel" id="create">
                <label for="new-name">User name</label>
                <input type="text" id="new-name" autocomplete="off" autocapitalize="none" required
                  pattern="[a-z][a-z0-9._\\-]{1,31}">
                <label for="new-role">Role</label>
                <select id="new-role"><option>operator</option><option>engineer</option><option>admin</option></select>
                <label for="new-password">Password (at least 12 characters)</label>
                <input type="password" id="new-password" autocomplete="new-password" minlength="12" required>
                <label for="new-reason">Reason</label>
                <input type="text" id="new-reason" autocomplete="off">
                <button type="submit">Create user</button>
                </form>""";
        ctx.html(Html.page("Users", Caller.of(ctx), body, "/static/js/users.js"));
    }
}
