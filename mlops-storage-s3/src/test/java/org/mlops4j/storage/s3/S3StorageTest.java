package org.mlops4j.storage.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.BlobStoreContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlops4j.api.MlopsException;
import org.mlops4j.pipeline.Data;
import org.mlops4j.pipeline.DataTransfer;
import org.mlops4j.pipeline.RemoteStorage;
import org.mlops4j.pipeline.TrackingListing;
import org.mlops4j.pipeline.TrackingRemote;
import org.mlops4j.pipeline.TransferListener;

/**
 * Against a real S3 server: S3Proxy (jclouds filesystem backend) started in this process on a
 * loopback port, with AWS V4 signatures checked. No mock of the SDK. Expected hashes are computed
 * here with the JDK's {@link MessageDigest} on the bytes the test wrote, independently of mlops4j's
 * hashing.
 */
class S3StorageTest {
  static final String ACCESS = "test-access";
  static final String SECRET = "test-secret";

  @TempDir Path tmp;
  private S3Proxy proxy;
  private BlobStoreContext context;

  private int start(Path basedir, int port) throws Exception {
    Properties props = new Properties();
    props.setProperty("jclouds.filesystem.basedir", basedir.toString());
    context =
        ContextBuilder.newBuilder("filesystem")
            .credentials("identity", "credential")
            .overrides(props)
            .build(BlobStoreContext.class);
    BlobStore store = context.getBlobStore();
    store.createContainerInLocation(null, "bucket");
    proxy =
        S3Proxy.builder()
            .blobStore(store)
            .endpoint(URI.create("http://127.0.0.1:" + port))
            .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS, SECRET)
            .build();
    proxy.start();
    while (!"STARTED".equals(proxy.getState())) {
      Thread.sleep(10);
    }
    return proxy.getPort();
  }

  private void stop() throws Exception {
    if (proxy != null) {
      proxy.stop();
      proxy = null;
    }
    if (context != null) {
      context.close();
      context = null;
    }
  }

  @AfterEach
  void tearDown() throws Exception {
    stop();
  }

  private static S3Storage.Builder s3(int port, String url) {
    return S3Storage.builder(url)
        .endpoint("http://127.0.0.1:" + port)
        .pathStyle(true)
        .region("us-east-1")
        .credentials(ACCESS, SECRET);
  }

  private static Path project(Path dir, int files) throws IOException {
    Files.createDirectories(dir.resolve("data/set"));
    for (int i = 0; i < files; i++) {
      Files.writeString(dir.resolve("data/set/f" + i + ".txt"), "file " + i + "\n");
    }
    Files.writeString(dir.resolve("data/raw.csv"), "hello\n");
    return dir;
  }

  private static Path cloneOf(Path project, Path clone) throws IOException {
    Files.createDirectories(clone.resolve("data"));
    Files.copy(project.resolve("data/raw.csv.mlops"), clone.resolve("data/raw.csv.mlops"));
    Files.copy(project.resolve("data/set.mlops"), clone.resolve("data/set.mlops"));
    return clone;
  }

  private static String sha256(byte[] b) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
  }

  @Test
  void addPushRemovePull_throughAnS3Url_foundByServiceLoader() throws Exception {
    int port = start(tmp.resolve("s3"), 0);
    Path p = project(tmp.resolve("p"), 10);
    System.setProperty("aws.accessKeyId", ACCESS);
    System.setProperty("aws.secretAccessKey", SECRET);
    try {
      String url = "s3://bucket/team/proj?endpoint=http://127.0.0.1:" + port + "&pathStyle=true";
      assertTrue(RemoteStorage.schemes().contains("s3"));
      Data data = Data.builder(p).remote(url).build();
      data.add(Path.of("data/raw.csv"));
      data.add(Path.of("data/set"));
      DataTransfer push = data.push();
      // 10 files, raw.csv and the folder's manifest
      assertEquals(12, push.transferred());
      assertEquals("s3://bucket/team/proj", push.remote());
      assertEquals(12, data.push().alreadyPresent());
      Path c = cloneOf(p, tmp.resolve("clone"));
      DataTransfer pull = Data.builder(c).remote(url).build().pull();
      assertEquals(List.of("data/raw.csv", "data/set"), pull.placed());
      assertEquals("hello\n", Files.readString(c.resolve("data/raw.csv")));
      assertEquals("file 7\n", Files.readString(c.resolve("data/set/f7.txt")));
      assertTrue(data.verifyRemote().ok());
      // the object sits under the prefix, named by its SHA-256
      String h = sha256("hello\n".getBytes());
      assertTrue(
          Files.isRegularFile(
              tmp.resolve(
                  "s3/bucket/team/proj/cache/" + h.substring(0, 2) + "/" + h.substring(2))));
    } finally {
      System.clearProperty("aws.accessKeyId");
      System.clearProperty("aws.secretAccessKey");
    }
  }

  @Test
  void aLargeFile_goesUpInParts_andComesBackIdentical() throws Exception {
    int port = start(tmp.resolve("s3"), 0);
    byte[] big = new byte[11 << 20]; // 11 MiB: three parts of at most 5 MiB
    new Random(42).nextBytes(big);
    Path f = tmp.resolve("big.bin");
    Files.write(f, big);
    try (S3Storage s =
        s3(port, "s3://bucket/mp").multipartThreshold(5 << 20).partSize(5 << 20).build()) {
      s.upload(f, "cache/big");
      Path back = tmp.resolve("back.bin");
      s.download("cache/big", back);
      assertEquals(sha256(big), sha256(Files.readAllBytes(back)));
      assertEquals(java.util.Set.of("cache/big"), s.list("cache/"));
    }
  }

  @Test
  void theServerStoppedMidPush_thenAResumedPushCompletes() throws Exception {
    Path s3dir = tmp.resolve("s3");
    int port = start(s3dir, 0);
    Path p = project(tmp.resolve("p"), 40);
    Data.create(p).add(Path.of("data/set"));
    Data.create(p).add(Path.of("data/raw.csv"));
    AtomicInteger done = new AtomicInteger();
    TransferListener stopper =
        new TransferListener() {
          @Override
          public void transferred(String hash, long bytes) {
            if (done.incrementAndGet() == 10) {
              try {
                stop();
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            }
          }
        };
    try (S3Storage s = s3(port, "s3://bucket/resume").retries(0).build()) {
      Data data = Data.builder(p).remote(s).transfers(2).listener(stopper).build();
      MlopsException e = assertThrows(MlopsException.class, data::push);
      assertTrue(e.getMessage().contains("run push again to resume"), e.getMessage());
    }
    start(s3dir, port);
    try (S3Storage s = s3(port, "s3://bucket/resume").build()) {
      DataTransfer resumed = Data.builder(p).remote(s).build().push();
      // 40 files + raw.csv + manifest = 42; what went up before the stop is not sent again
      assertTrue(resumed.alreadyPresent() >= 10, resumed.toString());
      assertEquals(42, resumed.alreadyPresent() + resumed.transferred());
      assertEquals(42, s.list("cache/").size());
      Path c = cloneOf(p, tmp.resolve("clone"));
      Data.builder(c).remote(s).build().pull();
      assertEquals("file 39\n", Files.readString(c.resolve("data/set/f39.txt")));
    }
  }

  @Test
  void aCorruptObjectOnTheRemote_isDetectedOnPull_andNeverPlaced() throws Exception {
    Path s3dir = tmp.resolve("s3");
    int port = start(s3dir, 0);
    Path p = project(tmp.resolve("p"), 2);
    try (S3Storage s = s3(port, "s3://bucket/c").build()) {
      Data data = Data.builder(p).remote(s).build();
      data.add(Path.of("data/raw.csv"));
      data.add(Path.of("data/set"));
      data.push();
      String h = sha256("hello\n".getBytes());
      Path obj = s3dir.resolve("bucket/c/cache/" + h.substring(0, 2) + "/" + h.substring(2));
      Files.writeString(obj, "HELLO\n");
      Path c = cloneOf(p, tmp.resolve("clone"));
      MlopsException e =
          assertThrows(MlopsException.class, () -> Data.builder(c).remote(s).build().pull());
      assertTrue(
          e.getMessage()
              .contains(
                  "s3://bucket/c: cache/"
                      + h.substring(0, 2)
                      + "/"
                      + h.substring(2)
                      + ": content does not match its name"),
          e.getMessage());
      assertFalse(Files.exists(c.resolve("data/raw.csv")));
      assertFalse(
          Files.exists(c.resolve(".mlops/cache/" + h.substring(0, 2) + "/" + h.substring(2))));
      assertEquals(List.of(h), data.verifyRemote().corrupt());
    }
  }

  @Test
  void wrongCredentials_areAClearError() throws Exception {
    int port = start(tmp.resolve("s3"), 0);
    Path p = project(tmp.resolve("p"), 1);
    Data.create(p).add(Path.of("data/raw.csv"));
    try (S3Storage s =
        S3Storage.builder("s3://bucket/x")
            .endpoint("http://127.0.0.1:" + port)
            .pathStyle(true)
            .region("us-east-1")
            .credentials(ACCESS, "wrong-secret")
            .build()) {
      MlopsException e =
          assertThrows(MlopsException.class, () -> Data.builder(p).remote(s).build().push());
      assertTrue(
          e.getMessage()
              .startsWith(
                  "s3://bucket/x: access denied (SignatureDoesNotMatch): check the credentials"),
          e.getMessage());
    }
  }

  @Test
  void aMissingBucket_isAClearError() throws Exception {
    int port = start(tmp.resolve("s3"), 0);
    Path p = project(tmp.resolve("p"), 1);
    Data.create(p).add(Path.of("data/raw.csv"));
    try (S3Storage s = s3(port, "s3://no-such-bucket/x").build()) {
      MlopsException e =
          assertThrows(MlopsException.class, () -> Data.builder(p).remote(s).build().push());
      assertEquals(
          "s3://no-such-bucket/x: no such bucket 'no-such-bucket' on the server: create it, or fix"
              + " the URL",
          e.getMessage());
    }
  }

  @Test
  void aMalformedUrl_isRefused() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> S3Storage.builder("s3:///nobucket"));
    assertEquals("url must be s3://bucket/prefix, but was 's3:///nobucket'", e.getMessage());
  }

  /** A run in MLflow's FileStore layout, written as MLflow 2.17 writes it (keys sorted). */
  private static void run(Path store, String exp, String runId) throws IOException {
    String root = store.toAbsolutePath().normalize().toUri().toString().replaceAll("/$", "");
    Files.createDirectories(store.resolve(exp + "/" + runId + "/params"));
    Files.createDirectories(store.resolve(exp + "/" + runId + "/metrics"));
    Files.createDirectories(store.resolve(exp + "/" + runId + "/tags"));
    Files.createDirectories(store.resolve(exp + "/" + runId + "/artifacts"));
    Files.writeString(
        store.resolve(exp + "/meta.yaml"),
        "artifact_location: "
            + root
            + "/"
            + exp
            + "\ncreation_time: 1795977163088\nexperiment_id: '"
            + exp
            + "'\nlast_update_time: 1795977163088\nlifecycle_stage: active\nname: churn\n");
    Files.writeString(
        store.resolve(exp + "/" + runId + "/meta.yaml"),
        "artifact_uri: "
            + root
            + "/"
            + exp
            + "/"
            + runId
            + "/artifacts\nend_time: 1795977163525\nentry_point_name: ''\nexperiment_id: '"
            + exp
            + "'\nlifecycle_stage: active\nrun_id: "
            + runId
            + "\nrun_name: gbm\nrun_uuid: "
            + runId
            + "\nsource_name: ''\nsource_type: 4\nsource_version: ''\nstart_time:"
            + " 1795977163482\nstatus: 3\ntags: []\nuser_id: root\n");
    Files.writeString(store.resolve(exp + "/" + runId + "/params/depth"), "6");
    Files.writeString(store.resolve(exp + "/" + runId + "/metrics/auc"), "1795977163500 0.875 0\n");
    Files.writeString(store.resolve(exp + "/" + runId + "/artifacts/model.bin"), "weights\n");
  }

  @Test
  void aRun_isSharedThroughS3_andComesBackWithItsArtifactUriInTheReceivingStore() throws Exception {
    int port = start(tmp.resolve("s3"), 0);
    String exp = "226940545531382259";
    String id = "ab51d9c99dc2400391bf63d7bd68248e";
    Path alice = tmp.resolve("alice/mlruns");
    Path bob = tmp.resolve("bob/mlruns");
    run(alice, exp, id);
    try (S3Storage s = s3(port, "s3://bucket/team").build()) {
      DataTransfer push =
          TrackingRemote.builder(alice).remote(s).build().push(List.of(id), List.of());
      // five files of distinct contents (experiment meta.yaml, run meta.yaml, param, metric,
      // artifact): five objects, then the manifest
      assertEquals(6, push.transferred(), push.toString());
      // the artifact's object, named by the SHA-256 computed here with the JDK
      String h = sha256("weights\n".getBytes());
      assertTrue(s.list("cache/").contains("cache/" + h.substring(0, 2) + "/" + h.substring(2)));
      TrackingListing list = TrackingRemote.builder(bob).remote(s).build().list();
      assertEquals("churn/gbm", list.items().get(0).title());

      DataTransfer pull =
          TrackingRemote.builder(bob).remote(s).build().pull(List.of(id), List.of(), false);
      assertEquals(List.of("run " + id), pull.placed());
      String bobRoot = bob.toAbsolutePath().normalize().toUri().toString().replaceAll("/$", "");
      assertTrue(
          Files.readString(bob.resolve(exp + "/" + id + "/meta.yaml"))
              .startsWith("artifact_uri: " + bobRoot + "/" + exp + "/" + id + "/artifacts\n"));
      assertEquals("6", Files.readString(bob.resolve(exp + "/" + id + "/params/depth")));

      // a corrupted object on the server: detected, nothing placed in a third store
      Path object = tmp.resolve("s3/bucket/team/cache/" + h.substring(0, 2) + "/" + h.substring(2));
      Files.writeString(object, "tampered\n");
      Path carol = tmp.resolve("carol/mlruns");
      MlopsException e =
          assertThrows(
              MlopsException.class,
              () ->
                  TrackingRemote.builder(carol)
                      .remote(s)
                      .build()
                      .pull(List.of(id), List.of(), false));
      assertTrue(e.getMessage().contains("content does not match its name"), e.getMessage());
      assertFalse(Files.exists(carol.resolve(exp)));
    }
  }
}
