package org.mlops4j.pipeline.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import org.mlops4j.api.internal.AtomicFiles;

class DigestPropertiesTest {

  @Property(tries = 40)
  void directoryHash_dependsOnContentAndNames_notOnCreationOrder(
      @ForAll @Size(min = 1, max = 8)
          Map<@AlphaChars @StringLength(min = 1, max = 6) String, String> files,
      @ForAll long shuffleSeed)
      throws Exception {
    Path a = Files.createTempDirectory("mlops-prop").toRealPath();
    Path b = Files.createTempDirectory("mlops-prop").toRealPath();
    try {
      List<String> names = new ArrayList<>(files.keySet());
      for (String n : names) {
        Files.writeString(a.resolve(n + ".txt"), files.get(n));
      }
      Collections.shuffle(names, new Random(shuffleSeed));
      for (String n : names) {
        Files.writeString(b.resolve(n + ".txt"), files.get(n));
      }
      Digester da = new Digester(a, StateStore.inMemory());
      Digester db = new Digester(b, StateStore.inMemory());
      Digest x = da.digest(a).orElseThrow();
      Digest y = db.digest(b).orElseThrow();
      assertThat(x.hash()).isEqualTo(y.hash());
      assertThat(x.hash()).isEqualTo(FileHasher.sha256(Digest.manifestText(x.entries())));
      assertThat(x.files()).isEqualTo(files.size());

      String first = names.get(0);
      Files.writeString(b.resolve(first + ".txt"), files.get(first) + "!");
      assertThat(new Digester(b, StateStore.inMemory()).digest(b).orElseThrow().hash())
          .isNotEqualTo(x.hash());
    } finally {
      AtomicFiles.deleteRecursively(a);
      AtomicFiles.deleteRecursively(b);
    }
  }
}
