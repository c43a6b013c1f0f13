package com.sicfurnace.hmi.bench;

import com.sicfurnace.hmi.Browser;
import com.sicfurnace.hmi.screens.Chromium;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The HMI's jar in its own process, as {@code hmi serve} runs it, with an operator's account made through its first
 * admin: the benchmarks' HMI. Run from {@code hmi/} (the jar is {@code target/hmi.jar}).
 */
final class HmiProcess implements AutoCloseable {
    static final String OPERATOR = "bench";
    static final String PASSWORD = "bench-password-long";
    static final String ENGINEER = "bench-engineer";
    private static final Pattern FIRST_PASSWORD = Pattern.compile("password (\\S+) \\(change it\\)");

    /** A controller the HMI links to: its furnace's name, its API's URL and its service token's file. */
    record Controller(String name, String apiUrl, Path tokenFile) {
    }

    final URI url;
    final Process process;
    private final Path dir;

    private HmiProcess(URI url, Process process, Path dir) {
        this.url = url;
        this.process = process;
        this.dir = dir;
    }

    /** Starts the HMI on a free port with these controllers, in {@code dir}; returns once it listens. */
    static HmiProcess start(Path dir, List<Controller> controllers) throws IOException, InterruptedException {
        return start(dir, controllers, 0);
    }

    /** As {@link #start(Path, List)}, the process at {@code nice} (above 0: below the controller's priority). */
    static HmiProcess start(Path dir, List<Controller> controllers, int nice)
            throws IOException, InterruptedException {
        Files.createDirectories(dir);
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        StringBuilder yaml = new StringBuilder("port: " + port + "\ndata_dir: .\ncontrollers:\n");
        for (Controller c : controllers) {
            yaml.append("  - {name: ").append(c.name()).append(", url: '").append(c.apiUrl()).append("', token_file: '")
                    .append(c.tokenFile()).append("'}\n");
        }
        Files.writeString(dir.resolve("hmi.yaml"), yaml);
        Path jar = Path.of("target", "hmi.jar").toAbsolutePath();
        List<String> command = new ArrayList<>(niced(nice));
        command.addAll(List.of(java(), "-jar", jar.toString(), "serve", "--config", dir.resolve("hmi.yaml").toString()));
        Process hmi = new ProcessBuilder(command)
                .redirectOutput(dir.resolve("hmi.out").toFile()).redirectError(dir.resolve("hmi.log").toFile())
                .start();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!Files.exists(dir.resolve("hmi.out")) || !Files.readString(dir.resolve("hmi.out")).contains("HMI on")) {
            if (System.nanoTime() > deadline || !hmi.isAlive()) {
                hmi.destroyForcibly();
                throw new IllegalStateException("the HMI did not start: " + Files.readString(dir.resolve("hmi.log")));
            }
            Thread.sleep(100);
        }
        HmiProcess started = new HmiProcess(URI.create("http://127.0.0.1:" + port), hmi, dir);
        try {
            started.createUsers();
        } catch (IOException | RuntimeException e) {
            started.close();
            throw e;
        }
        return started;
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** The command's prefix that runs a process at {@code nice}; none at 0. */
    static List<String> niced(int nice) {
        return nice == 0 ? List.of() : List.of("nice", "-n", Integer.toString(nice));
    }

    /** Logs in as the first admin and creates the benchmarks' operator and engineer. */
    private void createUsers() throws IOException, InterruptedException {
        Matcher m = FIRST_PASSWORD.matcher(Files.readString(dir.resolve("hmi.out")));
        if (!m.find()) {
            throw new IllegalStateException("no first-start password in the HMI's output");
        }
        Browser admin = new Browser(url);
        admin.login("admin", m.group(1));
        for (String[] user : new String[][] {{OPERATOR, "operator"}, {ENGINEER, "engineer"}}) {
            Browser.Response created = admin.jsonWithCsrf("POST", "/api/v1/users", "{\"name\":\"" + user[0]
                    + "\",\"role\":\"" + user[1] + "\",\"password\":\"" + PASSWORD + "\"}");
            if (created.status() != 201) {
                throw new IllegalStateException("the " + user[1] + " was not created: " + created);
            }
        }
    }

    /** An HTTP client logged in as the benchmarks' engineer. */
    Browser engineer() throws IOException, InterruptedException {
        Browser engineer = new Browser(url);
        engineer.login(ENGINEER, PASSWORD);
        return engineer;
    }

    /** An HTTP client logged in as the operator. */
    Browser operator() throws IOException, InterruptedException {
        Browser operator = new Browser(url);
        operator.login(OPERATOR, PASSWORD);
        return operator;
    }

    /** Headless Chromium of this window size (CSS pixels), logged in as the operator through the login form. */
    ChromeDriver chromium(int width, int height) {
        return chromium(width, height, OPERATOR);
    }

    /** Headless Chromium logged in as one of the benchmarks' users (OPERATOR or ENGINEER). */
    ChromeDriver chromium(int width, int height, String user) {
        ChromeDriver driver = Chromium.start(width, height);
        try {
            driver.get(url + "/login");
            driver.findElement(By.name("username")).sendKeys(user);
            driver.findElement(By.name("password")).sendKeys(PASSWORD);
            driver.findElement(By.cssSelector("form button[type=submit]")).click();
            new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().equals(url + "/"));
            return driver;
        } catch (RuntimeException e) {
            driver.quit();
            throw e;
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
