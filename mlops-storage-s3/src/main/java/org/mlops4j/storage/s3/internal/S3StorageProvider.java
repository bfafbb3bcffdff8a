package org.mlops4j.storage.s3.internal;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.mlops4j.api.internal.Require;
import org.mlops4j.pipeline.RemoteStorage;
import org.mlops4j.pipeline.RemoteStorageProvider;
import org.mlops4j.storage.s3.S3Storage;

/**
 * Serves {@code s3://bucket/prefix} URLs with an {@link S3Storage}; the query may set {@code
 * endpoint}, {@code region} and {@code pathStyle} (for example {@code
 * s3://b/p?endpoint=http://127.0.0.1:9000&pathStyle=true}), the rest comes from the AWS
 * configuration.
 *
 * @since 0.1.0
 */
public final class S3StorageProvider implements RemoteStorageProvider {

  /** For {@link java.util.ServiceLoader}. */
  public S3StorageProvider() {}

  @Override
  public Set<String> schemes() {
    return Set.of("s3");
  }

  @Override
  public RemoteStorage open(String url) {
    Require.nonNull(url, "url");
    int q = url.indexOf('?');
    S3Storage.Builder b = S3Storage.builder(q < 0 ? url : url.substring(0, q));
    if (q >= 0) {
      for (String pair : url.substring(q + 1).split("&")) {
        int eq = pair.indexOf('=');
        String k = eq < 0 ? pair : pair.substring(0, eq);
        String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
        switch (k) {
          case "endpoint" -> b.endpoint(v);
          case "region" -> b.region(v);
          case "pathStyle" -> b.pathStyle(Boolean.parseBoolean(v));
          default ->
              throw new IllegalArgumentException(
                  Require.mustBe(
                      "url",
                      "s3://bucket/prefix with query settings endpoint, region, pathStyle",
                      "'" + url + "' (unknown setting '" + k + "')"));
        }
      }
    }
    URI.create(url); // a malformed URL fails in the builder already
    return b.build();
  }
}
