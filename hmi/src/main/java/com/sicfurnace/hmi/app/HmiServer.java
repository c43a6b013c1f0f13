package com.sicfurnace.hmi.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sicfurnace.controller.audit.AuditIndex;
import com.sicfurnace.controller.secret.SecretFiles;
import com.sicfurnace.hmi.audit.AuditSources;
import com.sicfurnace.hmi.audit.HmiAudit;
import com.sicfurnace.hmi.furnace.Fleet;
import com.sicfurnace.hmi.login.Authenticator;
import com.sicfurnace.hmi.login.LoginFormTokens;
import com.sicfurnace.hmi.login.LoginThrottle;
import com.sicfurnace.hmi.recipe.RecipeStore;
import com.sicfurnace.hmi.session.SessionStore;
import com.sicfurnace.hmi.session.Tokens;
import com.sicfurnace.hmi.tls.HostNames;
import com.sicfurnace.hmi.tls.TlsKeystores;
import com.sicfurnace.hmi.tls.TlsMaterial;
import com.sicfurnace.hmi.user.Argon2Params;
import com.sicfurnace.hmi.user.Argon2id;
import com.sicfurnace.hmi.user.InitialAdmin;
import com.sicfurnace.hmi.user.Passwords;
import com.sicfurnace.hmi.user.UserAdmin;
import com.sicfurnace.hmi.user.UserStore;
import com.sicfurnace.hmi.web.AuditApi;
import com.sicfurnace.hmi.web.AuditPages;
import com.sicfurnace.hmi.web.Cookies;
import com.sicfurnace.hmi.web.FurnaceApi;
import com.sicfurnace.hmi.web.Guard;
import com.sicfurnace.hmi.web.LoginPages;
import com.sicfurnace.hmi.dryrun.DryRuns;
import com.sicfurnace.hmi.web.DryRunApi;
import com.sicfurnace.hmi.web.RecipeApi;
import com.sicfurnace.hmi.web.RecipePages;
import com.sicfurnace.hmi.web.RouteTable;
import com.sicfurnace.hmi.web.ScreenPages;
import com.sicfurnace.hmi.web.TuningPages;
import com.sicfurnace.hmi.web.SessionPages;
import com.sicfurnace.hmi.web.UserApi;
import com.sicfurnace.hmi.web.UserPages;
import com.sicfurnace.hmi.web.WebServer;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HMI, wired and running: data directory, audit trail, users (with the first administrator at first start),
 * sessions, login throttle, TLS material when serving HTTPS, and the web server. Closing it stops the web server and
 * then the audit trail (after its last records are on disk).
 */
public final class HmiServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HmiServer.class);
    public static final String SESSION_SECRET_FILE = "session.secret";
    /** The recipe store: each recipe's versions and approvals. */
    public static final String RECIPES_DIR = "recipes";
    public static final String AUDIT_DIR = "audit";
    /** Dry runs of recipe versions: each one's text, state, log and report. */
    public static final String DRY_RUNS_DIR = "dry-runs";

    private final HmiConfig config;
    private final HmiAudit audit;
    private final WebServer web;
    private final RouteTable routes;
    private final Optional<TlsMaterial> tls;
    private final Optional<String> initialPassword;
    private final URI url;
    private final Fleet fleet;
    private final DryRuns dryRuns;

    private HmiServer(HmiConfig config, HmiAudit audit, WebServer web, RouteTable routes, Optional<TlsMaterial> tls,
                      Optional<String> initialPassword, Fleet fleet, DryRuns dryRuns) {
        this.fleet = fleet;
        this.dryRuns = dryRuns;
        this.config = config;
        this.audit = audit;
        this.web = web;
        this.routes = routes;
        this.tls = tls;
        this.initialPassword = initialPassword;
        this.url = url(config.bind(), web.port(), tls.isPresent());
    }

    /** What the server takes from outside besides its configuration: its one clock, its randomness, where it says. */
    public record Options(Clock clock, SecureRandom random, PrintStream out) {
        public static Options system() {
            return new Options(Clock.systemUTC(), new SecureRandom(), System.out);
        }
    }

    /**
     * Starts the HMI and prints its URL (with the first administrator's password at a first start, and the TLS
     * certificate's fingerprint when serving HTTPS) on {@code options.out()}.
     *
     * @throws IllegalStateException if the data directory is in use by another HMI or its audit trail does not verify
     */
    public static HmiServer start(HmiConfig config, Options options) throws IOException, GeneralSecurityException {
        Clock clock = options.clock();
        SecureRandom random = options.random();
        SecretFiles.ownerOnlyDirectory(config.dataDir());
        HmiAudit audit = HmiAudit.open(config.dataDir().resolve(AUDIT_DIR), clock);
        DryRuns dryRuns = null;
        try {
            Optional<TlsMaterial> tls = config.servesTls() ? Optional.of(tlsMaterial(config, clock, random))
                    : Optional.empty();
            UserStore users = UserStore.open(config.dataDir());
            Passwords passwords = new Passwords(new Argon2id(Argon2Params.OWASP, random),
                    Math.max(2, Runtime.getRuntime().availableProcessors()));
            Optional<String> initial = InitialAdmin.ensure(users, passwords, audit, config.dataDir(), clock, random);
            Tokens tokens = new Tokens(random);
            SessionStore sessions = new SessionStore(clock, config.idleTimeout(), config.maxAge(), tokens);
            LoginThrottle throttle = new LoginThrottle(clock);
            byte[] secret = SecretFiles.readOrGenerate(config.dataDir().resolve(SESSION_SECRET_FILE))
                    .getBytes(StandardCharsets.UTF_8);
            Cookies cookies = new Cookies(tls.isPresent());
            Authenticator authenticator = new Authenticator(users, passwords, throttle, audit, random);
            UserAdmin admin = new UserAdmin(users, passwords, sessions, throttle, audit, clock,
                    config.dataDir().resolve(InitialAdmin.PASSWORD_FILE));
            Fleet fleet = new Fleet(config.controllers().stream().map(c -> new Fleet.Member(c.name(), c.url(),
                    c.tokenFile())).toList(), clock);
            Guard guard = new Guard(sessions, users);
            RecipeStore recipes = RecipeStore.open(config.dataDir().resolve(RECIPES_DIR), clock);
            FurnaceApi furnaces = new FurnaceApi(fleet, guard, recipes);
            dryRuns = DryRuns.open(config.dataDir().resolve(DRY_RUNS_DIR), clock);
            AuditSources auditSources = new AuditSources(AuditIndex.of(config.dataDir().resolve(AUDIT_DIR))
                    .warmingUp(), fleet);
            RouteTable routes = new RouteTable()
                    .addAll(new LoginPages(authenticator, new LoginFormTokens(secret, clock, tokens), sessions, audit,
                            cookies).routes())
                    .addAll(new SessionPages(sessions).routes())
                    .addAll(new UserApi(users, admin).routes())
                    .addAll(new RecipeApi(recipes, audit).routes())
                    .addAll(new RecipePages(dryRuns).routes())
                    .addAll(new DryRunApi(recipes, dryRuns, audit).routes())
                    .addAll(new UserPages().routes())
                    .addAll(furnaces.routes())
                    .addAll(new ScreenPages(fleet).routes())
                    .addAll(new AuditApi(auditSources, audit, clock).routes())
                    .addAll(new AuditPages(auditSources).routes())
                    .addAll(new TuningPages(fleet).routes())
                    .addWs(furnaces.live());
            WebServer web = WebServer.create(config.bind(), config.effectivePort(), tls, routes,
                    guard, new ObjectMapper()).start();
            HmiServer server = new HmiServer(config, audit, web, routes, tls, initial, fleet, dryRuns);
            server.announce(options.out());
            return server;
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            if (dryRuns != null) {
                dryRuns.close();
            }
            audit.close();
            throw e;
        }
    }

    private static TlsMaterial tlsMaterial(HmiConfig config, Clock clock, SecureRandom random)
            throws IOException, GeneralSecurityException {
        if (config.tls().keystore().isPresent()) {
            return TlsKeystores.configured(config.tls().keystore().get(),
                    config.tls().keystorePasswordFile().orElseThrow());
        }
        return TlsKeystores.generated(config.dataDir(), HostNames.forBind(config.bind()), clock, random);
    }

    private void announce(PrintStream out) {
        String line = "HMI on " + url;
        if (initialPassword.isPresent()) {
            line += " — first start: user " + InitialAdmin.NAME + ", password " + initialPassword.get()
                    + " (change it)";
        }
        out.println(line);
        tls.ifPresent(t -> out.println("TLS certificate SHA-256 fingerprint: " + t.fingerprint()
                + (t.generated() ? " (self-signed, generated into " + t.source() + "; compare it with what the "
                + "browser shows before trusting it)" : " (" + t.source() + ")")));
        out.flush();
        LOG.info("HMI serving {} (data in {}, sessions: idle {} min, at most {} h)", url, config.dataDir(),
                config.idleTimeout().toMinutes(), config.maxAge().toMinutes() / 60.0);
    }

    private static URI url(String bind, int port, boolean https) {
        String host = bind;
        try {
            InetAddress address = InetAddress.getByName(bind);
            if (address.isAnyLocalAddress()) {
                host = InetAddress.getLocalHost().getHostName();
            } else if (bind.contains(":")) {
                host = "[" + bind + "]";
            }
        } catch (IOException e) {
            LOG.debug("{} does not resolve here; the URL shows it as configured", bind, e);
        }
        return URI.create((https ? "https" : "http") + "://" + host + ":" + port);
    }

    public URI url() {
        return url;
    }

    public int port() {
        return web.port();
    }

    public Optional<TlsMaterial> tls() {
        return tls;
    }

    public HmiAudit audit() {
        return audit;
    }

    public RouteTable routes() {
        return routes;
    }

    public WebServer web() {
        return web;
    }

    public Path dataDir() {
        return config.dataDir();
    }

    @Override
    public void close() {
        try {
            web.close();
        } finally {
            dryRuns.close();
            fleet.close();
            audit.close();
        }
    }
}
