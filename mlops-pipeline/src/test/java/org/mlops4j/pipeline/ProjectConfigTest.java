package org.mlops4j.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlops4j.api.MlopsException;

class ProjectConfigTest {
  @TempDir Path tmp;

  @Test
  void aMissingFile_isAnEmptyConfiguration() {
    assertThat(ProjectConfig.load(tmp).remote()).isEmpty();
    assertThat(ProjectConfig.load(tmp)).isEqualTo(ProjectConfig.defaults());
  }

  @Test
  void theRemote_isRead_andSavedBack() throws Exception {
    Files.writeString(tmp.resolve("mlops.yaml"), "# shared\nremote: s3://team/proj\n");
    assertThat(ProjectConfig.load(tmp).remote()).contains("s3://team/proj");
    ProjectConfig.defaults().remote("/mnt/it's here").save(tmp);
    assertThat(ProjectConfig.load(tmp).remote()).contains("/mnt/it's here");
    assertThat(ProjectConfig.load(tmp).toString())
        .isEqualTo("ProjectConfig[remote=/mnt/it's here]");
  }

  @Test
  void anUnknownKey_orABadRemote_isRefused_namingTheFile() throws Exception {
    Path f = tmp.resolve("mlops.yaml");
    Files.writeString(f, "remot: s3://x\n");
    assertThatThrownBy(() -> ProjectConfig.load(tmp))
        .isInstanceOf(MlopsException.class)
        .hasMessage(f + ": unknown key 'remot' (known: remote)");
    Files.writeString(f, "remote: [1, 2]\n");
    assertThatThrownBy(() -> ProjectConfig.load(tmp))
        .isInstanceOf(MlopsException.class)
        .hasMessageStartingWith(f + ": remote must be a folder or a URL");
    Files.writeString(f, "- a\n");
    assertThatThrownBy(() -> ProjectConfig.load(tmp))
        .isInstanceOf(MlopsException.class)
        .hasMessageStartingWith(f + ": must be a YAML map");
    assertThatThrownBy(() -> ProjectConfig.defaults().remote(" "))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void data_pushesToTheProjectsDefaultRemote_andSaysWhereToSetOneWhenNone() throws Exception {
    Path p = tmp.resolve("p");
    Files.createDirectories(p.resolve("data"));
    Files.writeString(p.resolve("data/raw.csv"), "a,b\n1,2\n");
    Data data = Data.create(p);
    data.add(Path.of("data/raw.csv"));
    assertThatThrownBy(data::push)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no remote configured")
        .hasMessageContaining(
            p.toRealPath().resolve("mlops.yaml") + " (remote: s3://bucket/prefix)");
    Path remote = tmp.resolve("remote");
    ProjectConfig.defaults().remote(remote.toString()).save(p);
    DataTransfer push = Data.create(p).push();
    assertThat(push.transferred()).isEqualTo(1);
    assertThat(push.remote()).isEqualTo(remote.toString());
  }
}
