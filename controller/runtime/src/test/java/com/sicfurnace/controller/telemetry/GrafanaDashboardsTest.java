package com.sicfurnace.controller.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.sicfurnace.controller.io.FreePort;
import com.sicfurnace.controller.io.modbus.ModbusFurnaceIo;
import com.sicfurnace.controller.io.modbus.ModbusSettings;
import com.sicfurnace.controller.io.opcua.OpcUaFurnaceIo;
import com.sicfurnace.controller.io.opcua.OpcUaSettings;
import com.sicfurnace.controller.runtime.ScanFeed;
import com.sicfurnace.controller.runtime.ScanMetrics;
import com.sicfurnace.controller.snapshot.Catalogue;
import com.sicfurnace.controller.telemetry.metrics.ProcessMetrics;
import com.sicfurnace.controller.telemetry.queue.DiskQueue;
import com.sicfurnace.controller.telemetry.queue.FullPolicy;
import com.sicfurnace.controller.telemetry.queue.QueueSettings;
import com.sicfurnace.iolist.IoList;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Grafana dashboards under {@code docs/grafana} ask only for what the controller writes: every field a Flux
 * query reads is a field of the telemetry schema in the measurement the query names, and every metric and label a
 * PromQL expression reads is in a scrape of the controller's real meters. Grafana itself is not run here; the
 * dashboards are also checked for what provisioning needs (stable uids, datasources by variable, unique panel ids).
 */
class GrafanaDashboardsTest {
    private static final Path GRAFANA = Path.of("..", "..", "docs", "grafana");
    private static final Path FURNACE_RUN = GRAFANA.resolve("dashboards/furnace-run.json");
    private static final Path CONTROLLER_HEALTH = GRAFANA.resolve("dashboards/controller-health.json");
    private static final Path DATASOURCES = GRAFANA.resolve("provisioning/datasources/furnace.yaml");
    private static final Path PROVIDERS = GRAFANA.resolve("provisioning/dashboards/furnace.yaml");
    /** Links and bookmarks point at a dashboard's uid: it must not change. */
    private static final Map<Path, String> UIDS = Map.of(FURNACE_RUN, "sic-furnace-run",
            CONTROLLER_HEALTH, "sic-furnace-controller-health");
    private static final Map<Path, String> DATASOURCE_TYPES = Map.of(FURNACE_RUN, "influxdb",
            CONTROLLER_HEALTH, "prometheus");
    private static final String DATASOURCE_REF = "${datasource}";
    /** The tags every telemetry point carries; see {@link ScanPoints}. */
    private static final Set<String> TAGS = Set.of("furnace", "run_id", "recipe");
    private static final List<String> FURNACES = List.of("6inch", "8inch");
    private static final long SCAN_PERIOD_NANOS = 100_000_000L;

    private static final Pattern FLUX_MEASUREMENT = Pattern.compile("\\br\\._measurement\\s*==\\s*\"([^\"]*)\"");
    private static final Pattern FLUX_FIELD = Pattern.compile("\\br\\._field\\s*==\\s*\"([^\"]*)\"");
    private static final Pattern FLUX_FIELD_REGEX = Pattern.compile("\\br\\._field\\s*=~\\s*/((?:[^/\\\\]|\\\\.)*)/");
    private static final Pattern FLUX_TAG = Pattern.compile("\\br\\.([A-Za-z]\\w*)");
    private static final Pattern FLUX_TAG_ARGUMENT = Pattern.compile("\\btag:\\s*\"([^\"]*)\"");
    private static final Pattern FLUX_AGGREGATE = Pattern.compile(
            "aggregateWindow\\(\\s*every:\\s*v\\.windowPeriod\\s*,\\s*fn:\\s*(\\w+)");
    /** A column read as {@code r["name"]} would escape the checks, which read {@code r.name}. */
    private static final Pattern FLUX_BRACKETS = Pattern.compile("\\br\\s*\\[");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @TempDir
    Path dir;

    /** A query of a dashboard: from a panel or a template variable, for the messages. */
    private record Query(String dashboard, String where, String text) {
        String problem(String what) {
            return "dashboard " + dashboard + ", " + where + ": " + what;
        }
    }

    @Test
    void fluxQueriesReadOnlyFieldsOfTheTelemetrySchemaInTheirMeasurement() throws IOException {
        Map<String, Map<String, TelemetryField>> schema = telemetrySchema();
        List<String> problems = new ArrayList<>();
        List<Query> queries = queries(FURNACE_RUN, "query");
        assertFalse(queries.isEmpty(), "the run dashboard has Flux queries");
        for (Query query : queries) {
            checkFlux(query, schema, problems::add);
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void promQlReadsOnlyMetricsAndLabelsTheControllerServes() throws IOException {
        Map<String, Set<String>> scrape = scrapedLabels(scrape());
        List<String> problems = new ArrayList<>();
        List<Query> queries = queries(CONTROLLER_HEALTH, "expr");
        assertFalse(queries.isEmpty(), "the health dashboard has PromQL queries");
        for (Query query : queries) {
            checkPromQl(query, scrape, problems::add);
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    /** The two checks above pass only if they would fail on a wrong query: the shipped ones, spoiled on purpose. */
    @Test
    void theChecksFindAFieldOutsideItsMeasurementAndAMetricOrLabelNotServed() throws IOException {
        Query flux = queries(FURNACE_RUN, "query").get(0);
        assertFirstProblemNames("ps1_power_kw", spoiled(flux, "\"pyro_top_c\"", "\"ps1_power_kw\""),
                (q, found) -> checkFlux(q, telemetrySchema(), found));
        Map<String, Set<String>> scrape = scrapedLabels(scrape());
        Query promQl = queries(CONTROLLER_HEALTH, "expr").get(0);
        assertFirstProblemNames("furnace_scan_duraton_seconds_bucket", spoiled(promQl,
                "furnace_scan_duration_seconds_bucket", "furnace_scan_duraton_seconds_bucket"),
                (q, found) -> checkPromQl(q, scrape, found));
        assertFirstProblemNames("vessel", spoiled(promQl, "furnace=", "vessel="),
                (q, found) -> checkPromQl(q, scrape, found));
    }

    private static Query spoiled(Query query, String original, String replacement) {
        assertTrue(query.text().contains(original), query.text());
        return new Query(query.dashboard(), query.where(), query.text().replace(original, replacement));
    }

    private static void assertFirstProblemNames(String name, Query query, BiConsumer<Query, Consumer<String>> check) {
        List<String> problems = new ArrayList<>();
        check.accept(query, problems::add);
        assertFalse(problems.isEmpty(), "no problem found in " + query.text());
        assertTrue(problems.get(0).contains(name), problems.get(0));
    }

    @Test
    void dashboardsAreReadyForProvisioning() throws IOException {
        Map<String, String> provisioned = provisionedDatasourceUids();
        List<String> problems = new ArrayList<>();
        for (Path file : UIDS.keySet()) {
            checkStructure(file, provisioned, problems::add);
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void datasourcesTakeTheirAddressAndCredentialsFromTheEnvironment() throws IOException {
        JsonNode influx = datasource("influxdb");
        assertEquals("$INFLUX_URL", influx.path("url").asText(), DATASOURCES + ": influxdb url");
        assertEquals("Flux", influx.path("jsonData").path("version").asText(), DATASOURCES + ": influxdb version");
        assertEquals("$INFLUX_ORG", influx.path("jsonData").path("organization").asText(),
                DATASOURCES + ": influxdb organization");
        assertEquals("$INFLUX_TOKEN", influx.path("secureJsonData").path("token").asText(),
                DATASOURCES + ": influxdb token");
        assertEquals("$PROMETHEUS_URL", datasource("prometheus").path("url").asText(),
                DATASOURCES + ": prometheus url");
    }

    /** The provider reads the folder the README says to copy the dashboards to. */
    @Test
    void dashboardProviderReadsTheFolderTheReadmeInstallsTo() throws IOException {
        JsonNode providers = YAML.readTree(PROVIDERS.toFile());
        assertEquals(1, providers.path("apiVersion").asInt(), PROVIDERS + ": apiVersion");
        assertEquals(1, providers.path("providers").size(), PROVIDERS + ": one provider");
        JsonNode provider = providers.path("providers").get(0);
        assertEquals("file", provider.path("type").asText(), PROVIDERS + ": provider type");
        String folder = provider.path("options").path("path").asText();
        assertTrue(folder.startsWith("/"), PROVIDERS + ": options.path must be absolute, not '" + folder + "'");
        String readme = Files.readString(GRAFANA.resolve("README.md"));
        assertTrue(mentionsPath(readme, "docs/grafana/dashboards/*.json " + folder)
                        && mentionsPath(readme, "docs/grafana/dashboards:" + folder),
                "README.md must copy and mount docs/grafana/dashboards to the provider's folder " + folder);
    }

    /** The text occurs ending with a whole path element: followed by a slash, a quote or a space. */
    private static boolean mentionsPath(String text, String path) {
        return Pattern.compile(Pattern.quote(path) + "(?=[/\"\\s])").matcher(text).find();
    }

    // ---------------------------------------------------------------- Flux

    /** Every field of both furnace variants, by measurement. */
    private static Map<String, Map<String, TelemetryField>> telemetrySchema() {
        Map<String, Map<String, TelemetryField>> schema = new HashMap<>();
        for (String furnace : FURNACES) {
            for (TelemetryField field : TelemetryFields.standard(Catalogue.of(IoList.fromClasspath().forFurnace(furnace)))) {
                schema.computeIfAbsent(field.measurement(), m -> new HashMap<>()).put(field.name(), field);
            }
        }
        return schema;
    }

    private static void checkFlux(Query query, Map<String, Map<String, TelemetryField>> schema,
                                  Consumer<String> problems) {
        if (FLUX_BRACKETS.matcher(query.text()).find()) {
            problems.accept(query.problem("reads a column as r[\"...\"]; write r.name so that it can be checked"));
        }
        checkTags(query, problems);
        List<String> measurements = all(FLUX_MEASUREMENT, query.text());
        if (measurements.size() > 1) {
            problems.accept(query.problem("names measurements " + measurements + "; one measurement per query"));
            return;
        }
        Map<String, TelemetryField> fields = measurements.isEmpty() ? allFields(schema)
                : schema.get(measurements.get(0));
        if (fields == null) {
            problems.accept(query.problem("unknown measurement \"" + measurements.get(0) + "\"; there are "
                    + schema.keySet()));
            return;
        }
        String scope = measurements.isEmpty() ? "any measurement" : "measurement \"" + measurements.get(0) + "\"";
        checkFields(query, fields, scope, problems);
        if (query.where().startsWith("panel")) {
            checkPanelQuery(query, fields, problems);
        }
    }

    private static Map<String, TelemetryField> allFields(Map<String, Map<String, TelemetryField>> schema) {
        Map<String, TelemetryField> fields = new HashMap<>();
        schema.values().forEach(fields::putAll);
        return fields;
    }

    private static void checkTags(Query query, Consumer<String> problems) {
        List<String> tags = all(FLUX_TAG, query.text());
        tags.addAll(all(FLUX_TAG_ARGUMENT, query.text()));
        tags.stream().filter(tag -> !TAGS.contains(tag)).distinct()
                .forEach(tag -> problems.accept(query.problem("unknown tag \"" + tag + "\"; the tags are " + TAGS)));
    }

    private static void checkFields(Query query, Map<String, TelemetryField> fields, String scope,
                                    Consumer<String> problems) {
        for (String field : all(FLUX_FIELD, query.text())) {
            if (!fields.containsKey(field)) {
                problems.accept(query.problem("unknown field \"" + field + "\" in " + scope));
            }
        }
        for (String regex : all(FLUX_FIELD_REGEX, query.text())) {
            Pattern pattern = Pattern.compile(regex);
            if (fields.keySet().stream().noneMatch(f -> pattern.matcher(f).find())) {
                problems.accept(query.problem("field pattern /" + regex + "/ matches no field in " + scope));
            }
        }
    }

    /**
     * A panel reads one run of one furnace, thinned to the panel's resolution (a week at 10 Hz is millions of
     * points), and never averages a state: Flux cannot take the mean of a string or a boolean.
     */
    private static void checkPanelQuery(Query query, Map<String, TelemetryField> fields, Consumer<String> problems) {
        String text = query.text();
        if (!text.contains("r.furnace == \"${furnace}\"") || !text.contains("r.run_id == \"${run_id}\"")) {
            problems.accept(query.problem("must select r.furnace == \"${furnace}\" and r.run_id == \"${run_id}\""));
        }
        List<String> aggregates = all(FLUX_AGGREGATE, text);
        if (aggregates.isEmpty()) {
            problems.accept(query.problem("no aggregateWindow(every: v.windowPeriod, fn: ...)"));
        }
        if (aggregates.contains("mean")) {
            all(FLUX_FIELD, text).stream().map(fields::get).filter(f -> f != null && f.state())
                    .forEach(f -> problems.accept(query.problem("field \"" + f.name()
                            + "\" is a state (written on change): aggregate it with last, not mean")));
        }
    }

    // ---------------------------------------------------------------- PromQL

    /**
     * A scrape of the meters a live run binds (see {@code LiveRun}): the adapters are built against addresses
     * nobody listens on and are never asked for a cycle, so they bind their meters without connecting.
     */
    private String scrape() throws IOException {
        IoList signals = IoList.fromClasspath().forFurnace("6inch");
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        registry.config().commonTags("furnace", "f07");
        DiskQueue queue = DiskQueue.open(dir.resolve("queue"), new QueueSettings(1 << 20, 4L << 20,
                FullPolicy.REJECT_NEW), Clock.systemUTC());
        TelemetryPipeline pipeline = new TelemetryPipeline(queue, new AcceptingSink(), dir.resolve("quarantine"));
        try (OpcUaFurnaceIo plc = new OpcUaFurnaceIo(signals, OpcUaSettings.insecure("opc.tcp://127.0.0.1:"
                + FreePort.pick() + "/plc", dir.resolve("pki"), 100));
             ModbusFurnaceIo fieldDevices = new ModbusFurnaceIo(signals, ModbusSettings.loopback(FreePort.pick()),
                     SCAN_PERIOD_NANOS)) {
            new ScanMetrics().bindTo(registry);
            new ProcessMetrics(new ScanFeed(), Catalogue.of(signals)).bindTo(registry);
            plc.metrics().bindTo(registry);
            fieldDevices.metrics().bindTo(registry);
            new TelemetryMetrics(pipeline).bindTo(registry);
            return registry.scrape();
        } finally {
            pipeline.close(Duration.ZERO);
            registry.close();
        }
    }

    /** Nothing is offered to the pipeline: it exists only for its meters. */
    private static final class AcceptingSink implements TelemetrySink {
        @Override
        public Delivery write(List<String> lines) {
            return new Delivery.Accepted();
        }

        @Override
        public void close() {
        }
    }

    /** Sample name (as PromQL selects it, e.g. {@code x_bucket}) to the names of its labels. */
    private static Map<String, Set<String>> scrapedLabels(String scrape) {
        Map<String, Set<String>> labels = new HashMap<>();
        for (String line : scrape.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int brace = line.indexOf('{');
            int end = brace >= 0 ? brace : line.indexOf(' ');
            Set<String> names = labels.computeIfAbsent(line.substring(0, end), n -> new HashSet<>());
            if (brace >= 0) {
                names.addAll(PromQl.labelMatchers(line.substring(brace + 1, line.lastIndexOf('}'))).keySet());
            }
        }
        return labels;
    }

    private static void checkPromQl(Query query, Map<String, Set<String>> scrape, Consumer<String> problems) {
        Matcher labelValues = PromQl.LABEL_VALUES.matcher(query.text());
        if (labelValues.matches()) {
            PromQl.Selector selector = new PromQl.Selector(labelValues.group(1), Map.of());
            checkSelector(query, selector, scrape, problems);
            checkLabels(query, List.of(selector), Set.of(labelValues.group(2)), scrape, problems);
            return;
        }
        PromQl expr = PromQl.parse(query.text());
        if (expr.selectors().isEmpty()) {
            problems.accept(query.problem("no metric found in '" + query.text() + "'"));
        }
        for (PromQl.Selector selector : expr.selectors()) {
            checkSelector(query, selector, scrape, problems);
            if (!"$furnace".equals(selector.labels().get("furnace"))) {
                problems.accept(query.problem(selector.metric() + " must select furnace=\"$furnace\""));
            }
        }
        checkLabels(query, expr.selectors(), expr.grouping(), scrape, problems);
    }

    private static void checkSelector(Query query, PromQl.Selector selector, Map<String, Set<String>> scrape,
                                      Consumer<String> problems) {
        Set<String> labels = scrape.get(selector.metric());
        if (labels == null) {
            problems.accept(query.problem("unknown metric \"" + selector.metric() + "\""));
            return;
        }
        selector.labels().keySet().stream().filter(l -> !labels.contains(l)).forEach(l -> problems.accept(
                query.problem("metric \"" + selector.metric() + "\" has no label \"" + l + "\"; it has " + labels)));
    }

    /** Labels to group or match by must be on one of the expression's metrics. */
    private static void checkLabels(Query query, List<PromQl.Selector> selectors, Set<String> grouping,
                                    Map<String, Set<String>> scrape, Consumer<String> problems) {
        Set<String> available = selectors.stream().map(s -> scrape.getOrDefault(s.metric(), Set.of()))
                .flatMap(Set::stream).collect(Collectors.toSet());
        grouping.stream().filter(l -> !available.contains(l)).forEach(l -> problems.accept(
                query.problem("groups by label \"" + l + "\", which none of its metrics has")));
    }

    /**
     * Just enough of PromQL to find what an expression reads: selectors with their label matchers, labels of
     * {@code by}/{@code without}/{@code on}/{@code ignoring}/{@code group_*} clauses, and bare metric names.
     * Functions are the names followed by a parenthesis.
     */
    private record PromQl(List<Selector> selectors, Set<String> grouping) {
        record Selector(String metric, Map<String, String> labels) {
        }

        static final Pattern LABEL_VALUES = Pattern.compile("\\s*label_values\\(\\s*(\\w+)\\s*,\\s*(\\w+)\\s*\\)\\s*");
        private static final Pattern RANGE = Pattern.compile("\\[[^\\]]*\\]");
        private static final Pattern SELECTOR = Pattern.compile(
                "([A-Za-z_:][\\w:]*+)\\s*\\{((?:[^}\"]|\"(?:[^\"\\\\]|\\\\.)*\")*)\\}");
        private static final Pattern MATCHER = Pattern.compile(
                "(\\w+)\\s*(?:=~|!~|!=|=)\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");
        private static final Pattern GROUPING = Pattern.compile(
                "\\b(?:by|without|on|ignoring|group_left|group_right)\\s*\\(([^)]*)\\)");
        private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");
        private static final Pattern NAME = Pattern.compile("(?<![\\w.$:])([A-Za-z_:][\\w:]*+)(?!\\s*\\()");
        private static final Pattern WORD = Pattern.compile("(\\w+)");
        private static final Set<String> KEYWORDS = Set.of("bool", "offset", "and", "or", "unless", "inf", "nan");

        static PromQl parse(String expr) {
            List<Selector> selectors = new ArrayList<>();
            String rest = RANGE.matcher(expr).replaceAll(" ");
            Matcher selector = SELECTOR.matcher(rest);
            while (selector.find()) {
                selectors.add(new Selector(selector.group(1), labelMatchers(selector.group(2))));
            }
            rest = selector.replaceAll(" ");
            Set<String> grouping = new HashSet<>();
            Matcher clause = GROUPING.matcher(rest);
            while (clause.find()) {
                all(WORD, clause.group(1)).forEach(grouping::add);
            }
            rest = STRING.matcher(clause.replaceAll(" ")).replaceAll(" ");
            all(NAME, rest).stream().filter(n -> !KEYWORDS.contains(n.toLowerCase(Locale.ROOT)))
                    .forEach(n -> selectors.add(new Selector(n, Map.of())));
            return new PromQl(selectors, grouping);
        }

        static Map<String, String> labelMatchers(String inBraces) {
            Map<String, String> labels = new LinkedHashMap<>();
            Matcher m = MATCHER.matcher(inBraces);
            while (m.find()) {
                labels.put(m.group(1), m.group(2));
            }
            return labels;
        }
    }

    // ---------------------------------------------------------------- structure

    private static void checkStructure(Path file, Map<String, String> provisioned, Consumer<String> problems)
            throws IOException {
        JsonNode board = JSON.readTree(file.toFile());
        String name = file.getFileName().toString();
        String type = DATASOURCE_TYPES.get(file);
        Consumer<String> about = p -> problems.accept("dashboard " + name + ": " + p);
        if (!UIDS.get(file).equals(board.path("uid").asText())) {
            about.accept("uid must stay \"" + UIDS.get(file) + "\", not \"" + board.path("uid").asText() + "\"");
        }
        if (!board.path("schemaVersion").isInt()) {
            about.accept("no schemaVersion");
        }
        board.fieldNames().forEachRemaining(key -> {
            if (key.startsWith("__")) {
                about.accept("has " + key + ": that is for importing, provisioning takes the dashboard as it is");
            }
        });
        checkDatasourceVariable(board, type, provisioned.get(type), about);
        checkPanels(board, type, about);
    }

    private static void checkDatasourceVariable(JsonNode board, String type, String provisionedUid,
                                                Consumer<String> about) {
        JsonNode variable = variables(board).get("datasource");
        if (variable == null || !"datasource".equals(variable.path("type").asText())
                || !type.equals(variable.path("query").asText())) {
            about.accept("needs a template variable \"datasource\" of type datasource for " + type);
            return;
        }
        String current = variable.path("current").path("value").asText();
        if (!current.equals(provisionedUid)) {
            about.accept("variable \"datasource\" defaults to \"" + current + "\", not the provisioned " + type
                    + " datasource \"" + provisionedUid + "\"");
        }
        variables(board).values().stream().filter(v -> "query".equals(v.path("type").asText()))
                .filter(v -> !isDatasourceRef(v.path("datasource"), type)).forEach(v -> about.accept("variable \""
                        + v.path("name").asText() + "\" must use datasource " + DATASOURCE_REF));
    }

    private static void checkPanels(JsonNode board, String type, Consumer<String> about) {
        if (panels(board).isEmpty()) {
            about.accept("no panels");
        }
        Set<Integer> ids = new HashSet<>();
        for (JsonNode panel : panels(board)) {
            String title = "panel \"" + panel.path("title").asText() + "\"";
            if (!panel.path("id").isInt() || !ids.add(panel.path("id").asInt())) {
                about.accept(title + ": id " + panel.path("id") + " missing or not unique");
            }
            JsonNode grid = panel.path("gridPos");
            if (grid.path("w").asInt() <= 0 || grid.path("h").asInt() <= 0
                    || grid.path("x").asInt() + grid.path("w").asInt() > 24) {
                about.accept(title + ": gridPos " + grid + " outside the 24-column grid");
            }
            if ("row".equals(panel.path("type").asText())) {
                continue;
            }
            if (!isDatasourceRef(panel.path("datasource"), type)) {
                about.accept(title + ": datasource must be {type: " + type + ", uid: " + DATASOURCE_REF + "}");
            }
            for (JsonNode target : panel.path("targets")) {
                if (target.has("datasource") && !isDatasourceRef(target.path("datasource"), type)) {
                    about.accept(title + ": query " + target.path("refId").asText() + " must use datasource "
                            + DATASOURCE_REF);
                }
            }
            if (panel.path("targets").isEmpty()) {
                about.accept(title + ": no queries");
            }
        }
    }

    private static boolean isDatasourceRef(JsonNode datasource, String type) {
        return DATASOURCE_REF.equals(datasource.path("uid").asText()) && type.equals(datasource.path("type").asText());
    }

    private static Map<String, String> provisionedDatasourceUids() throws IOException {
        Map<String, String> uids = new HashMap<>();
        for (JsonNode datasource : YAML.readTree(DATASOURCES.toFile()).path("datasources")) {
            uids.put(datasource.path("type").asText(), datasource.path("uid").asText());
        }
        return uids;
    }

    private static JsonNode datasource(String type) throws IOException {
        JsonNode root = YAML.readTree(DATASOURCES.toFile());
        assertEquals(1, root.path("apiVersion").asInt(), DATASOURCES + ": apiVersion");
        for (JsonNode datasource : root.path("datasources")) {
            if (type.equals(datasource.path("type").asText())) {
                return datasource;
            }
        }
        throw new AssertionError(DATASOURCES + ": no datasource of type " + type);
    }

    // ---------------------------------------------------------------- dashboard JSON

    /** The panel queries (their {@code key}, "query" or "expr") and the query variables of a dashboard. */
    private static List<Query> queries(Path file, String key) throws IOException {
        JsonNode board = JSON.readTree(file.toFile());
        String name = file.getFileName().toString();
        List<Query> queries = new ArrayList<>();
        for (JsonNode panel : panels(board)) {
            for (JsonNode target : panel.path("targets")) {
                queries.add(new Query(name, "panel \"" + panel.path("title").asText() + "\" query "
                        + target.path("refId").asText(), target.path(key).asText()));
            }
        }
        for (JsonNode variable : variables(board).values()) {
            if ("query".equals(variable.path("type").asText())) {
                JsonNode query = variable.path("query");
                queries.add(new Query(name, "variable \"" + variable.path("name").asText() + "\"",
                        query.isObject() ? query.path("query").asText() : query.asText()));
            }
        }
        return queries;
    }

    /** Every panel, those inside collapsed rows too. */
    private static List<JsonNode> panels(JsonNode board) {
        List<JsonNode> panels = new ArrayList<>();
        for (JsonNode panel : board.path("panels")) {
            panels.add(panel);
            panel.path("panels").forEach(panels::add);
        }
        return panels;
    }

    private static Map<String, JsonNode> variables(JsonNode board) {
        Map<String, JsonNode> variables = new LinkedHashMap<>();
        board.path("templating").path("list").forEach(v -> variables.put(v.path("name").asText(), v));
        return variables;
    }

    private static List<String> all(Pattern pattern, String text) {
        List<String> found = new ArrayList<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }
}
