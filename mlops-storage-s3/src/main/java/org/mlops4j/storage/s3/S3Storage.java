package org.mlops4j.storage.s3;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.mlops4j.api.MlopsException;
import org.mlops4j.api.internal.Require;
import org.mlops4j.pipeline.RemoteStorage;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.CompletedMultipartUpload;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * A {@link RemoteStorage} on any S3-compatible server (AWS, MinIO, Ceph, Garage, S3Proxy) at {@code
 * s3://bucket/prefix}, through the AWS SDK for Java v2 with its URL-connection HTTP client. Key
 * {@code cache/ab/cdef} is the S3 object {@code prefix/cache/ab/cdef}.
 *
 * <pre>{@code
 * RemoteStorage s3 = S3Storage.builder("s3://team-bucket/project")
 *     .endpoint("http://127.0.0.1:9000").pathStyle(true)
 *     .credentials("access-key", "secret-key").build();
 * Data data = Data.builder(Path.of(".")).remote(s3).build();
 * }</pre>
 *
 * <p>Settings left unset come from the usual AWS configuration: credentials from the default chain
 * (the variables {@code AWS_ACCESS_KEY_ID} and {@code AWS_SECRET_ACCESS_KEY}, the profile in {@code
 * ~/.aws/credentials} named by {@code AWS_PROFILE}, container and instance roles), the region from
 * {@code AWS_REGION} or the profile (else {@code us-east-1}, which S3-compatible servers ignore),
 * the endpoint from {@code AWS_ENDPOINT_URL_S3} or {@code AWS_ENDPOINT_URL} (else AWS). Opened by
 * URL ({@link RemoteStorage#open(String)}), the query may set them: {@code
 * s3://bucket/prefix?endpoint=http://127.0.0.1:9000&region=eu-west-1&pathStyle=true}.
 *
 * <p>Uploads: a file of at least {@link Builder#multipartThreshold(long) 64 MiB} goes up in parts
 * of {@link Builder#partSize(long) 16 MiB} (a multipart upload, aborted on failure), a smaller one
 * in one PUT; either way the object appears only once complete. Checksums are sent and checked only
 * where S3 requires them ({@code WHEN_REQUIRED}), as many S3-compatible servers do not support the
 * newer ones; mlops4j hashes every download itself. Bodies go up plain, with their length, not in
 * {@code aws-chunked} encoding (a signature per chunk), which costs CPU on both sides and which
 * some S3-compatible servers do not read.
 *
 * <p>Keys ending in {@code /} (folder markers that some servers list) are not listed.
 *
 * <p>Errors: wrong credentials and a missing bucket are {@link MlopsException}s naming the URL and
 * what to do; a server that cannot be reached is an {@link IOException}, so a transfer fails and
 * can be resumed.
 *
 * @since 0.1.0
 */
public final class S3Storage implements RemoteStorage {
  private final String url;
  private final String bucket;
  private final String prefix;
  private final S3Client s3;
  private final long multipartThreshold;
  private final long partSize;

  private S3Storage(Builder b, S3Client s3) {
    this.url = b.url;
    this.bucket = b.bucket;
    this.prefix = b.prefix;
    this.s3 = s3;
    this.multipartThreshold = b.multipartThreshold;
    this.partSize = b.partSize;
  }

  /**
   * @param url {@code s3://bucket} or {@code s3://bucket/prefix}
   * @return a builder
   * @throws NullPointerException if url is null
   * @throws IllegalArgumentException if url is not of that shape
   */
  public static Builder builder(String url) {
    return new Builder(Require.nonNull(url, "url"));
  }

  @Override
  public String url() {
    return url;
  }

  @Override
  public Set<String> list(String keyPrefix) throws IOException {
    Set<String> keys = new TreeSet<>();
    try {
      s3
          .listObjectsV2Paginator(
              ListObjectsV2Request.builder().bucket(bucket).prefix(prefix + keyPrefix).build())
          .contents()
          .stream()
          .map(S3Object::key)
          .filter(k -> !k.endsWith("/")) // folder markers some servers list: never a key of ours
          .forEach(k -> keys.add(k.substring(prefix.length())));
    } catch (SdkException e) {
      throw translate(e, "list " + keyPrefix);
    }
    return keys;
  }

  @Override
  public void upload(Path file, String key) throws IOException {
    long size = Files.size(file);
    try {
      if (size >= multipartThreshold) {
        multipart(file, key, size);
      } else {
        s3.putObject(b -> b.bucket(bucket).key(prefix + key), RequestBody.fromFile(file));
      }
    } catch (SdkException e) {
      throw translate(e, "upload " + key);
    }
  }

  private void multipart(Path file, String key, long size) throws IOException {
    String id = s3.createMultipartUpload(b -> b.bucket(bucket).key(prefix + key)).uploadId();
    boolean done = false;
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      List<CompletedPart> parts = new ArrayList<>();
      int number = 1;
      for (long pos = 0; pos < size; pos += partSize, number++) {
        int len = (int) Math.min(partSize, size - pos);
        java.nio.ByteBuffer buf = java.nio.ByteBuffer.allocate(len);
        while (buf.hasRemaining() && ch.read(buf, pos + buf.position()) >= 0) {
          // read the whole part
        }
        int n = number;
        String etag =
            s3.uploadPart(
                    b -> b.bucket(bucket).key(prefix + key).uploadId(id).partNumber(n),
                    RequestBody.fromBytes(buf.array()))
                .eTag();
        parts.add(CompletedPart.builder().partNumber(n).eTag(etag).build());
      }
      s3.completeMultipartUpload(
          b ->
              b.bucket(bucket)
                  .key(prefix + key)
                  .uploadId(id)
                  .multipartUpload(CompletedMultipartUpload.builder().parts(parts).build()));
      done = true;
    } finally {
      if (!done) {
        try {
          s3.abortMultipartUpload(b -> b.bucket(bucket).key(prefix + key).uploadId(id));
        } catch (SdkException e) {
          // the server is gone or refuses: the unfinished upload stays invisible either way
        }
      }
    }
  }

  @Override
  public void download(String key, Path target) throws IOException {
    try (ResponseInputStream<GetObjectResponse> in =
        s3.getObject(b -> b.bucket(bucket).key(prefix + key))) {
      Files.copy((InputStream) in, target, StandardCopyOption.REPLACE_EXISTING);
    } catch (NoSuchKeyException e) {
      throw new NoSuchFileException(url + "/" + key, null, "not on the remote");
    } catch (SdkException e) {
      throw translate(e, "download " + key);
    }
  }

  /** Wraps an SDK failure: an {@link MlopsException} for a lasting one, else an IOException. */
  private IOException translate(SdkException e, String what) {
    if (e instanceof S3Exception s) {
      String code = s.awsErrorDetails() == null ? "" : s.awsErrorDetails().errorCode();
      if ("NoSuchBucket".equals(code) || (s.statusCode() == 404 && what.startsWith("list"))) {
        throw new MlopsException(
            url + ": no such bucket '" + bucket + "' on the server: create it, or fix the URL", e);
      }
      if (s.statusCode() == 403
          || "InvalidAccessKeyId".equals(code)
          || "SignatureDoesNotMatch".equals(code)
          || "AccessDenied".equals(code)) {
        throw new MlopsException(
            url
                + ": access denied ("
                + (code == null || code.isEmpty() ? "HTTP " + s.statusCode() : code)
                + "): check the credentials (AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, the"
                + " AWS profile, or S3Storage.builder(...).credentials(...))",
            e);
      }
      return new IOException(url + ": " + what + " failed: " + s.getMessage(), e);
    }
    if (e instanceof SdkClientException) {
      return new IOException(
          url + ": " + what + " failed: cannot reach the server: " + e.getMessage(), e);
    }
    return new IOException(url + ": " + what + " failed: " + e.getMessage(), e);
  }

  @Override
  public void close() {
    s3.close();
  }

  @Override
  public String toString() {
    return "S3Storage[" + url + "]";
  }

  /**
   * Configures an {@link S3Storage}; each setter checks its argument.
   *
   * @since 0.1.0
   */
  public static final class Builder {
    private final String url;
    private final String bucket;
    private final String prefix;
    private @Nullable URI endpoint;
    private @Nullable String region;
    private boolean pathStyle;
    private @Nullable AwsCredentialsProvider credentials;
    private long multipartThreshold = 64L << 20;
    private long partSize = 16L << 20;
    private int retries = 3;

    private Builder(String url) {
      URI u;
      try {
        u = URI.create(url);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            Require.mustBe("url", "s3://bucket/prefix", "'" + url + "'"), e);
      }
      Require.argument(
          "s3".equalsIgnoreCase(u.getScheme()) && u.getHost() != null && !u.getHost().isEmpty(),
          "url",
          "s3://bucket/prefix",
          "'" + url + "'");
      this.bucket = u.getHost();
      String path = u.getPath() == null ? "" : u.getPath();
      while (path.startsWith("/")) {
        path = path.substring(1);
      }
      while (path.endsWith("/")) {
        path = path.substring(0, path.length() - 1);
      }
      this.prefix = path.isEmpty() ? "" : path + "/";
      this.url = "s3://" + bucket + (path.isEmpty() ? "" : "/" + path);
    }

    /**
     * @param endpoint the server's URL, such as {@code http://127.0.0.1:9000} (default: from the
     *     AWS configuration, else AWS itself)
     * @return this builder
     * @throws IllegalArgumentException if it is not an http or https URL
     */
    public Builder endpoint(String endpoint) {
      Require.nonNull(endpoint, "endpoint");
      URI e;
      try {
        e = URI.create(endpoint);
      } catch (IllegalArgumentException x) {
        e = null;
      }
      Require.argument(
          e != null && ("http".equals(e.getScheme()) || "https".equals(e.getScheme())),
          "endpoint",
          "an http or https URL",
          "'" + endpoint + "'");
      this.endpoint = e;
      return this;
    }

    /**
     * @param region the signing region (default: from the AWS configuration, else {@code
     *     us-east-1})
     * @return this builder
     */
    public Builder region(String region) {
      this.region = Require.nonBlank(region, "region");
      return this;
    }

    /**
     * @param pathStyle whether to address {@code endpoint/bucket/key} rather than {@code
     *     bucket.endpoint/key} (default false; most self-hosted servers need true)
     * @return this builder
     */
    public Builder pathStyle(boolean pathStyle) {
      this.pathStyle = pathStyle;
      return this;
    }

    /**
     * @param accessKeyId the access key id
     * @param secretAccessKey the secret key
     * @return this builder (default: the AWS default credentials chain)
     */
    public Builder credentials(String accessKeyId, String secretAccessKey) {
      this.credentials =
          StaticCredentialsProvider.create(
              AwsBasicCredentials.create(
                  Require.nonBlank(accessKeyId, "accessKeyId"),
                  Require.nonBlank(secretAccessKey, "secretAccessKey")));
      return this;
    }

    /**
     * @param bytes files of at least this size are uploaded in parts (default 64 MiB)
     * @return this builder
     * @throws IllegalArgumentException if below 5 MiB, the smallest part S3 accepts
     */
    public Builder multipartThreshold(long bytes) {
      Require.argument(bytes >= 5L << 20, "multipartThreshold", "at least 5 MiB (5242880)", bytes);
      this.multipartThreshold = bytes;
      return this;
    }

    /**
     * @param bytes the size of each part but the last (default 16 MiB)
     * @return this builder
     * @throws IllegalArgumentException if below 5 MiB or above 512 MiB
     */
    public Builder partSize(long bytes) {
      Require.argument(
          bytes >= 5L << 20 && bytes <= 512L << 20, "partSize", "between 5 MiB and 512 MiB", bytes);
      this.partSize = bytes;
      return this;
    }

    /**
     * @param retries how many times the SDK retries a failed request (default 3)
     * @return this builder
     * @throws IllegalArgumentException if negative
     */
    public Builder retries(int retries) {
      this.retries = Require.nonNegative(retries, "retries");
      return this;
    }

    /**
     * @return the store; no request is sent yet
     * @throws MlopsException if the SDK cannot be configured
     */
    public S3Storage build() {
      try {
        S3ClientBuilder b =
            S3Client.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .forcePathStyle(pathStyle)
                // a plain body with Content-Length, not aws-chunked with a signature per chunk:
                // less CPU per upload on both sides, and what every S3-compatible server reads
                .serviceConfiguration(
                    S3Configuration.builder().chunkedEncodingEnabled(false).build())
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .overrideConfiguration(
                    o ->
                        o.retryStrategy(r -> r.maxAttempts(retries + 1))
                            .addExecutionInterceptor(new NoExpectContinue()))
                .region(Region.of(region != null ? region : defaultRegion()))
                .credentialsProvider(
                    credentials != null
                        ? credentials
                        : DefaultCredentialsProvider.builder().build());
        URI e = endpoint;
        if (e != null) {
          b.endpointOverride(e);
        }
        return new S3Storage(this, b.build());
      } catch (SdkException e) {
        throw new MlopsException(url + ": cannot configure the S3 client: " + e.getMessage(), e);
      }
    }

    /**
     * Drops the {@code Expect: 100-continue} header the SDK puts on uploads: through the
     * URL-connection client a server that does not answer it (S3Proxy, some gateways) makes every
     * upload wait a second.
     */
    private static final class NoExpectContinue implements ExecutionInterceptor {
      @Override
      public SdkHttpRequest modifyHttpRequest(
          Context.ModifyHttpRequest context, ExecutionAttributes attributes) {
        return context.httpRequest().toBuilder().removeHeader("Expect").build();
      }
    }

    private static String defaultRegion() {
      try {
        return new DefaultAwsRegionProviderChain().getRegion().id();
      } catch (SdkException e) {
        return "us-east-1";
      }
    }
  }
}
