package org.mlops4j.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Reads the registries written by MLflow 2.17.2 and 3.11 themselves (shared fixtures, see their
 * README.md: {@code models/ref-model} with two versions, tags and two aliases) and checks every
 * value against the files. Skipped when the shared folder is absent.
 */
class MlflowRegistryFixtureTest {

  private static Path fixture(String name) {
    String shared = System.getProperty("mlops.shared.dir");
    assumeThat(shared).as("system property mlops.shared.dir").isNotNull();
    Path dir = Path.of(shared, "fixtures", "mlflow-filestore", name);
    assumeThat(Files.isDirectory(dir.resolve("models"))).as("fixture " + dir).isTrue();
    return dir;
  }

  @ParameterizedTest
  @CsvSource({
    // fixture, model created, model updated, v1 created, v1 updated, v1 run, v2 created, v2 run
    "written-by-mlflow-2.17.2, 1795697246495, 1795697246513, 1795697246497, 1795697246510,"
        + " 0f90d402448544a18a627c7ff77b7637, 1795697246502, 71a4dddb40ee40e093613948c1cb086a",
    "written-by-mlflow-3.11, 1795696972506, 1795696973439, 1795696972606, 1795696973273,"
        + " 1cdb615d68e042d9a92e598364b18288, 1795696972931, ebf152f0382d4886a8408dbcb90415b8"
  })
  void readsTheRegistryMlflowWrote(
      String name,
      long modelCreated,
      long modelUpdated,
      long v1Created,
      long v1Updated,
      String v1Run,
      long v2Created,
      String v2Run) {
    ModelRegistry registry = ModelRegistry.openReadOnly(fixture(name));

    List<RegisteredModel> models = registry.models();
    assertThat(models).extracting(RegisteredModel::name).containsExactly("ref-model");
    RegisteredModel m = models.get(0);
    assertThat(m.description()).isEqualTo("reference model");
    assertThat(m.tags()).isEqualTo(Map.of("owner", "alice"));
    assertThat(m.aliases()).isEqualTo(Map.of("champion", 1, "challenger", 2));
    assertThat(m.createdAt()).isEqualTo(Instant.ofEpochMilli(modelCreated));
    assertThat(m.updatedAt()).isEqualTo(Instant.ofEpochMilli(modelUpdated));

    List<ModelVersion> versions = registry.versions("ref-model");
    assertThat(versions).extracting(ModelVersion::version).containsExactly(1, 2);
    ModelVersion v1 = versions.get(0);
    assertThat(v1.stage()).isEqualTo(ModelStage.PRODUCTION);
    assertThat(v1.description()).isEqualTo("first");
    assertThat(v1.runId()).isEqualTo(Optional.of(v1Run));
    assertThat(v1.source()).isEqualTo("runs:/" + v1Run + "/model");
    assertThat(v1.user()).isEmpty();
    assertThat(v1.tags()).isEqualTo(Map.of("validated", "yes"));
    assertThat(v1.aliases()).containsExactly("champion");
    assertThat(v1.createdAt()).isEqualTo(Instant.ofEpochMilli(v1Created));
    assertThat(v1.updatedAt()).isEqualTo(Instant.ofEpochMilli(v1Updated));
    assertThat(v1.artifacts()).isEmpty();

    ModelVersion v2 = versions.get(1);
    assertThat(v2.stage()).isEqualTo(ModelStage.NONE);
    assertThat(v2.description()).isEmpty();
    assertThat(v2.runId()).isEqualTo(Optional.of(v2Run));
    assertThat(v2.tags()).isEqualTo(Map.of("candidate", "true"));
    assertThat(v2.aliases()).containsExactly("challenger");
    assertThat(v2.createdAt()).isEqualTo(Instant.ofEpochMilli(v2Created));

    assertThat(registry.versionByAlias("ref-model", "champion").version()).isEqualTo(1);
    assertThat(registry.version("ref-model", "challenger").version()).isEqualTo(2);
    assertThat(registry.version("ref-model", "latest").version()).isEqualTo(2);
    assertThat(registry.versionInStage("ref-model", ModelStage.PRODUCTION))
        .map(ModelVersion::version)
        .contains(1);
    assertThat(registry.versionInStage("ref-model", ModelStage.STAGING)).isEmpty();
    assertThat(registry.versionsWithTag("ref-model", "candidate", "true"))
        .extracting(ModelVersion::version)
        .containsExactly(2);
  }
}
