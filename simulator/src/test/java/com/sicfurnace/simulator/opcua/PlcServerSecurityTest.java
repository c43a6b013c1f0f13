package com.sicfurnace.simulator.opcua;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sicfurnace.simulator.FreePort;
import com.sicfurnace.simulator.logging.NoStackTracesLogged;
import com.sicfurnace.simulator.logging.StackTraceRecorder;
import com.sicfurnace.simulator.plant.SimulatedFurnace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.eclipse.milo.opcua.sdk.client.DiscoveryClient;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.sdk.client.identity.AnonymousProvider;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.types.enumerated.MessageSecurityMode;
import org.eclipse.milo.opcua.stack.core.types.enumerated.TimestampsToReturn;
import org.eclipse.milo.opcua.stack.core.types.enumerated.UserTokenType;
import org.eclipse.milo.opcua.stack.core.types.structured.EndpointDescription;
import org.eclipse.milo.opcua.stack.core.types.structured.UserTokenPolicy;
import org.eclipse.milo.opcua.stack.core.util.CertificateUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(NoStackTracesLogged.class)
class PlcServerSecurityTest {
    private static final Map<String, String> USERS = Map.of("operator", "s3cret");

    @TempDir
    Path dir;

    @Test
    void anUntrustedClientIsQuarantinedAndOnceTrustedNeedsTheRightPassword() throws Exception {
        Path pki = dir.resolve("server-pki");
        SimulatedFurnace furnace = ServerFixtures.furnace("6inch");
        try (PlcServer server = ServerFixtures.start(config(pki, false), furnace);
             ClientIdentity client = ClientIdentity.create(dir.resolve("client-pki"))) {
            String url = server.endpointUrl();

            // Milo logs the refused secure channel with its stack trace, after it sent the error to the client.
            var refusedChannel = StackTraceRecorder.expect(
                    e -> e.getLoggerName().endsWith("UascServerAsymmetricHandler")
                            && e.getFormattedMessage().contains("Bad_SecurityChecksFailed"));
            UaException untrusted = connectFails(TestClients.secure(url, client, "operator", "s3cret"));
            assertEquals(StatusCodes.Bad_SecurityChecksFailed, untrusted.getStatusCode().value());
            assertTrue(refusedChannel.awaitOne(Duration.ofSeconds(5)), "the refused channel is logged");
            List<Path> rejected = files(pki.resolve("rejected/certs"));
            assertEquals(1, rejected.size(), "the client certificate is quarantined");
            assertArrayEquals(client.certificate().getEncoded(), Files.readAllBytes(rejected.get(0)));

            // The operator's action: move the certificate to the trusted directory; the trust list watches it.
            Files.move(rejected.get(0), pki.resolve("trusted/certs").resolve(rejected.get(0).getFileName()),
                    StandardCopyOption.ATOMIC_MOVE);
            awaitTrusted(server);
            client.trust(server.certificate());

            UaException wrongPassword = connectFails(TestClients.secure(url, client, "operator", "wrong"));
            assertEquals(StatusCodes.Bad_UserAccessDenied, wrongPassword.getStatusCode().value());
            UaException unknownUser = connectFails(TestClients.secure(url, client, "intruder", "s3cret"));
            assertEquals(StatusCodes.Bad_UserAccessDenied, unknownUser.getStatusCode().value());

            OpcUaClient operator = TestClients.secure(url, client, "operator", "s3cret");
            operator.connect();
            try {
                Object value = operator.readValue(0.0, TimestampsToReturn.Both, ServerFixtures.nodeId("pyro_top_c"))
                        .value().value();
                assertEquals(ServerFixtures.read(furnace, "pyro_top_c"), value);
            } finally {
                operator.disconnect();
            }
        }
    }

    @Test
    void withAnonymousDisabledNoEndpointOffersItAndAnAnonymousClientIsRefused() throws Exception {
        try (PlcServer server = ServerFixtures.start(config(dir, false), ServerFixtures.furnace("6inch"))) {
            List<EndpointDescription> endpoints = endpoints(server);
            for (EndpointDescription endpoint : endpoints) {
                assertEquals(Set.of(UserTokenType.UserName), tokenTypes(endpoint), endpoint.getSecurityPolicyUri());
            }
            UaException refused = connectFails(TestClients.none(server.endpointUrl(), new AnonymousProvider()));
            assertTrue(refused.getStatusCode().isBad(), refused.toString());
        }
    }

    @Test
    void bothEndpointsAreOfferedAtBothUrlsWithAnonymousAndUserNameWhenAllowed() throws Exception {
        try (PlcServer server = ServerFixtures.start(config(dir, true), ServerFixtures.furnace("6inch"))) {
            List<EndpointDescription> endpoints = endpoints(server);
            Set<String> expected = new HashSet<>();
            for (String url : List.of(server.endpointUrl(), server.bareUrl())) {
                expected.add(url + " " + SecurityPolicy.None.getUri() + " " + MessageSecurityMode.None);
                expected.add(url + " " + SecurityPolicy.Basic256Sha256.getUri() + " "
                        + MessageSecurityMode.SignAndEncrypt);
            }
            assertEquals(expected, endpoints.stream()
                    .map(e -> e.getEndpointUrl() + " " + e.getSecurityPolicyUri() + " " + e.getSecurityMode())
                    .collect(Collectors.toSet()));
            assertEquals(expected.size(), endpoints.size());
            for (EndpointDescription endpoint : endpoints) {
                assertEquals(Set.of(UserTokenType.Anonymous, UserTokenType.UserName), tokenTypes(endpoint));
                assertArrayEquals(server.certificate().getEncoded(), endpoint.getServerCertificate().bytes());
            }
        }
    }

    @Test
    void theServerCertificateIsCreatedOnceAndReusedOnRestart() throws Exception {
        PlcServerConfig config = config(dir, true);
        byte[] first;
        try (PlcServer server = ServerFixtures.start(config, ServerFixtures.furnace("6inch"))) {
            first = server.certificate().getEncoded();
            assertEquals(config.applicationUri(), CertificateUtil.getSanUri(server.certificate()).orElseThrow());
        }
        assertTrue(Files.isRegularFile(dir.resolve("server.pfx")));
        for (String sub : List.of("trusted/certs", "trusted/crl", "issuer/certs", "issuer/crl", "rejected/certs")) {
            assertTrue(Files.isDirectory(dir.resolve(sub)), sub);
        }
        try (PlcServer again = ServerFixtures.start(config, ServerFixtures.furnace("6inch"))) {
            assertArrayEquals(first, again.certificate().getEncoded());
        }
    }

    @Test
    void aCertificateIssuedForAnotherApplicationUriIsNotSilentlyReused() throws Exception {
        ServerFixtures.start(config(dir, true), ServerFixtures.furnace("6inch")).close(); // creates server.pfx
        PlcServerConfig other = new PlcServerConfig(PlcServerConfig.LOOPBACK, FreePort.pick(),
                PlcServerConfig.DEFAULT_PATH, dir, USERS, true, "urn:somebody:else");
        PlcServer server = new PlcServer(other, ServerFixtures.furnace("6inch"));
        PlcServerException failure = assertThrows(PlcServerException.class, server::start);
        assertTrue(failure.getMessage().contains("urn:somebody:else"), failure.getMessage());
    }

    private static PlcServerConfig config(Path pki, boolean anonymous) throws Exception {
        return PlcServerConfig.localDevelopment(FreePort.pick(), pki).withUsers(USERS).withAnonymous(anonymous);
    }

    private static UaException connectFails(OpcUaClient client) throws UaException {
        try {
            return assertThrows(UaException.class, client::connect);
        } finally {
            client.disconnect();
        }
    }

    private static List<EndpointDescription> endpoints(PlcServer server) throws Exception {
        return DiscoveryClient.getEndpoints(server.endpointUrl()).get(5, TimeUnit.SECONDS);
    }

    private static Set<UserTokenType> tokenTypes(EndpointDescription endpoint) {
        return Arrays.stream(endpoint.getUserIdentityTokens()).map(UserTokenPolicy::getTokenType)
                .collect(Collectors.toSet());
    }

    private static List<Path> files(Path directory) throws Exception {
        try (Stream<Path> listing = Files.list(directory)) {
            return listing.toList();
        }
    }

    private static void awaitTrusted(PlcServer server) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 5_000;
        while (server.trustedCertificates().isEmpty()) {
            assertTrue(System.currentTimeMillis() < deadline, "the trust list picks up the moved certificate");
            Thread.sleep(10);
        }
    }
}
