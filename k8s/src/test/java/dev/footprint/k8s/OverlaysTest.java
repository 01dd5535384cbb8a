package dev.footprint.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;

/** Every overlay renders, binds to the Kubernetes API model, and meets the project's policy. */
class OverlaysTest {

    static Stream<String> overlays() throws IOException {
        try (Stream<Path> dirs = Files.list(Manifests.K8S.resolve("overlays"))) {
            return dirs.filter(Files::isDirectory).map(d -> d.getFileName().toString()).sorted().toList().stream();
        }
    }

    /** The image matrix (images/variants.yaml): each variant's name and runtime (jvm or native). */
    static Map<String, String> variants() throws IOException {
        Map<String, String> runtimes = new TreeMap<>();
        new ObjectMapper(new YAMLFactory())
                .readTree(Manifests.K8S.resolveSibling("images").resolve("variants.yaml").toFile()).get("variants")
                .forEach(v -> runtimes.put(v.get("name").asText(), v.get("runtime").asText()));
        return runtimes;
    }

    @Test
    void thereIsAnOverlayPerVariantOfTheImageMatrix() throws IOException {
        assertEquals(List.copyOf(variants().keySet()), overlays().toList());
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void rendersToTheFourObjectsWithNoNamespace(String overlay) throws IOException {
        List<HasMetadata> objects = Manifests.bind(Manifests.kustomize(Manifests.K8S.resolve("overlays").resolve(overlay)));
        assertEquals(List.of(Deployment.class, HorizontalPodAutoscaler.class, PodDisruptionBudget.class, Service.class),
                objects.stream().<Class<?>> map(Object::getClass).sorted((a, b) -> a.getSimpleName().compareTo(b.getSimpleName())).toList());
        objects.forEach(o -> assertTrue(o.getMetadata().getNamespace() == null, o.getKind() + " must not hard-code a namespace"));
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void deploymentMeetsTheRestrictedPodSecurityStandardAndThePolicy(String overlay) throws IOException {
        Deployment d = deployment(overlay);
        PodSpec pod = d.getSpec().getTemplate().getSpec();
        Container c = pod.getContainers().get(0);

        assertEquals(Boolean.TRUE, pod.getSecurityContext().getRunAsNonRoot());
        assertEquals("RuntimeDefault", pod.getSecurityContext().getSeccompProfile().getType());
        assertEquals(Boolean.FALSE, c.getSecurityContext().getAllowPrivilegeEscalation());
        assertEquals(List.of("ALL"), c.getSecurityContext().getCapabilities().getDrop());
        assertEquals(Boolean.TRUE, c.getSecurityContext().getReadOnlyRootFilesystem());
        assertTrue(c.getSecurityContext().getCapabilities().getAdd() == null || c.getSecurityContext().getCapabilities().getAdd().isEmpty());
        assertEquals(Boolean.FALSE, pod.getAutomountServiceAccountToken());
        assertTrue(c.getVolumeMounts().stream().anyMatch(m -> m.getMountPath().equals("/tmp")), "a writable /tmp");
        assertNotNull(pod.getVolumes().get(0).getEmptyDir(), "/tmp is an emptyDir");

        assertProbe(c.getStartupProbe(), "/q/health/started");
        assertProbe(c.getLivenessProbe(), "/q/health/live");
        assertProbe(c.getReadinessProbe(), "/q/health/ready");

        Map<String, Quantity> requests = c.getResources().getRequests();
        Map<String, Quantity> limits = c.getResources().getLimits();
        assertNotNull(requests.get("memory"), "memory request");
        assertNotNull(limits.get("memory"), "memory limit");
        assertTrue(Quantity.getAmountInBytes(limits.get("memory")).compareTo(Quantity.getAmountInBytes(requests.get("memory"))) >= 0,
                "limit >= request");
        assertNotNull(requests.get("cpu"), "a CPU request, which the HPA's utilization target needs");

        assertEquals("localhost/footprint/service:" + overlay, c.getImage(), "the overlay's image");
        boolean jvm = variants().get(overlay).equals("jvm");
        if (jvm) {
            assertTrue(c.getEnv().stream().anyMatch(e -> e.getName().equals("JDK_JAVA_OPTIONS") && !e.getValue().isBlank()),
                    "a JVM overlay sets the measured memory options");
        } else {
            assertTrue(c.getArgs().stream().anyMatch(a -> a.startsWith("-Xmx")), "native sets an explicit heap");
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void gracePeriodCoversTheServicesShutdown(String overlay) throws IOException {
        Properties app = new Properties();
        try (var in = Files.newInputStream(Manifests.K8S.resolve("../service/src/main/resources/application.properties"))) {
            app.load(in);
        }
        Duration delay = Duration.parse("PT" + app.getProperty("quarkus.shutdown.delay"));
        Duration timeout = Duration.parse("PT" + app.getProperty("quarkus.shutdown.timeout"));
        long grace = deployment(overlay).getSpec().getTemplate().getSpec().getTerminationGracePeriodSeconds();
        assertTrue(grace > delay.plus(timeout).toSeconds(),
                "terminationGracePeriodSeconds " + grace + " must exceed shutdown delay + timeout " + delay.plus(timeout));
    }

    @Test
    void theValidatorRejectsAFieldTheApiDoesNotHave() {
        String typo = """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: x}
                spec:
                  replicas: 1
                  template:
                    spec:
                      containers:
                        - name: c
                          image: i
                          resources: {limits: {memory: 1Gi}}
                          livenessProbe: {httpGet: {path: /, port: 8080}, periodSecond: 5}
                """;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Manifests.bind(typo));
        assertTrue(e.getMessage().contains("periodSecond"), e.getMessage());
    }

    @Test
    void theValidatorRejectsAWrongType() {
        String wrong = """
                apiVersion: v1
                kind: Service
                metadata: {name: x}
                spec: {ports: [{port: eighty}]}
                """;
        assertThrows(Exception.class, () -> Manifests.bind(wrong));
    }

    @Test
    void theValidatorRejectsAnUnknownKind() {
        assertThrows(IllegalArgumentException.class, () -> Manifests.bind("apiVersion: v1\nkind: Podd\nmetadata: {name: x}\n"));
    }

    @Test
    void hpaAndPdbSelectTheDeploymentsPods() throws IOException {
        List<HasMetadata> objects = Manifests.bind(Manifests.kustomize(Manifests.K8S.resolve("overlays/jvm-slim")));
        Deployment d = (Deployment) objects.stream().filter(o -> o instanceof Deployment).findFirst().orElseThrow();
        Map<String, String> podLabels = d.getSpec().getTemplate().getMetadata().getLabels();
        PodDisruptionBudget pdb = (PodDisruptionBudget) objects.stream().filter(o -> o instanceof PodDisruptionBudget).findFirst().orElseThrow();
        assertTrue(podLabels.entrySet().containsAll(pdb.getSpec().getSelector().getMatchLabels().entrySet()));
        Service s = (Service) objects.stream().filter(o -> o instanceof Service).findFirst().orElseThrow();
        assertTrue(podLabels.entrySet().containsAll(s.getSpec().getSelector().entrySet()));
        HorizontalPodAutoscaler hpa = (HorizontalPodAutoscaler) objects.stream().filter(o -> o instanceof HorizontalPodAutoscaler).findFirst().orElseThrow();
        assertEquals(d.getMetadata().getName(), hpa.getSpec().getScaleTargetRef().getName());
        assertFalse(hpa.getSpec().getMetrics().isEmpty());
    }

    private static Deployment deployment(String overlay) throws IOException {
        return (Deployment) Manifests.bind(Manifests.kustomize(Manifests.K8S.resolve("overlays").resolve(overlay))).stream()
                .filter(o -> o instanceof Deployment).findFirst().orElseThrow();
    }

    private static void assertProbe(Probe probe, String path) {
        assertNotNull(probe, "probe on " + path);
        assertEquals(path, probe.getHttpGet().getPath());
        assertEquals("http", probe.getHttpGet().getPort().getStrVal());
    }
}
