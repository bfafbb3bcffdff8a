package org.mlops4j.privacy;

import com.google.crypto.tink.DeterministicAead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.daead.AesSivParameters;
import com.google.crypto.tink.daead.DeterministicAeadConfig;
import com.google.crypto.tink.daead.PredefinedDeterministicAeadParameters;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;
import org.mlops4j.api.MlopsException;
import org.mlops4j.api.internal.AtomicFiles;
import org.mlops4j.api.internal.Require;

/**
 * A secret key for pseudonyms: a Google Tink keyset of AES-SIV keys (deterministic authenticated
 * encryption, RFC 5297, 512-bit keys: AES-256 for both the S2V MAC and the CTR encryption). Keep it
 * apart from the data: whoever holds it can turn every pseudonym back into the identifier.
 *
 * <pre>{@code
 * PseudonymKey key = PseudonymKey.generate();
 * key.save(Path.of("/secure/pseudonyms.json"));          // owner-only file, cleartext keyset
 * PseudonymKey rotated = PseudonymKey.load(path).rotate(); // new primary; old keys still decrypt
 * }</pre>
 *
 * <p>Rotation: {@link #rotate()} adds a fresh key and makes it the primary. New pseudonyms are made
 * under the primary; every pseudonym carries the 4-byte id of its key (Tink's 5-byte output
 * prefix), so pseudonyms made under an earlier key of the keyset still turn back, and {@link
 * Pseudonymizer#repseudonymize(String)} moves them to the new primary. Pseudonyms of one value
 * under two keys differ: re-pseudonymise a dataset after a rotation to keep joins working.
 *
 * <p>File: Tink's JSON keyset format ({@code TinkJsonProtoKeysetFormat}), unencrypted, written with
 * owner-only permissions ({@code rw-------}) where the file system has POSIX permissions. In
 * production keep it in a secret store or encrypt it with a key-management service (Tink's {@code
 * serializeEncryptedKeyset}); this class does not call out to one.
 *
 * <p>The key material never appears in {@link #toString()}, in a message or in a report: only the
 * key ids (which identify keys, and reveal nothing of them).
 *
 * @since 0.1.0
 */
public final class PseudonymKey {
  static {
    try {
      DeterministicAeadConfig.register();
    } catch (GeneralSecurityException e) {
      throw new ExceptionInInitializerError("Tink's AES-SIV cannot be registered: " + e);
    }
  }

  private final KeysetHandle handle;
  private final DeterministicAead daead;

  private PseudonymKey(KeysetHandle handle) throws GeneralSecurityException {
    for (int i = 0; i < handle.size(); i++) {
      if (!(handle.getAt(i).getKey().getParameters() instanceof AesSivParameters)) {
        throw new GeneralSecurityException("not an AES-SIV key");
      }
    }
    this.handle = handle;
    this.daead = handle.getPrimitive(RegistryConfiguration.get(), DeterministicAead.class);
  }

  /**
   * A new keyset with one fresh AES-SIV key (from the JVM's {@code SecureRandom}).
   *
   * @return the key
   */
  public static PseudonymKey generate() {
    try {
      return new PseudonymKey(
          KeysetHandle.generateNew(PredefinedDeterministicAeadParameters.AES256_SIV));
    } catch (GeneralSecurityException e) {
      throw new PseudonymKeyException("cannot generate an AES-SIV key: " + e.getMessage());
    }
  }

  /**
   * Reads a keyset written by {@link #save(Path)} (or by Tink's tools as a cleartext JSON keyset).
   *
   * @param file the keyset file
   * @return the key
   * @throws PseudonymKeyException {@code <file>: no pseudonym key: the file does not exist}, or
   *     {@code <file>: not a pseudonym key: ...} when it is not a JSON keyset of AES-SIV keys (the
   *     message never quotes the file)
   */
  public static PseudonymKey load(Path file) {
    Require.nonNull(file, "file");
    Path abs = file.toAbsolutePath();
    if (!Files.exists(abs, LinkOption.NOFOLLOW_LINKS)) {
      throw new PseudonymKeyException(abs + ": no pseudonym key: the file does not exist");
    }
    String json;
    try {
      json = Files.readString(abs, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new PseudonymKeyException(abs + ": no pseudonym key: cannot be read (" + e + ")");
    }
    try {
      return new PseudonymKey(
          TinkJsonProtoKeysetFormat.parseKeyset(json, InsecureSecretKeyAccess.get()));
    } catch (GeneralSecurityException | RuntimeException e) {
      // Tink's message may quote the text, which holds key material: never pass it on.
      throw new PseudonymKeyException(
          abs + ": not a pseudonym key: expected a Tink JSON keyset of AES-SIV keys");
    }
  }

  /**
   * Writes the keyset as Tink's cleartext JSON, readable and writable by the owner only (POSIX
   * {@code rw-------} where supported); atomically (a temporary file created with those
   * permissions, forced to the device, then renamed over the target).
   *
   * @param file where to write
   * @throws MlopsException if it cannot be written
   */
  public void save(Path file) {
    Require.nonNull(file, "file");
    Path abs = file.toAbsolutePath();
    Path dir = abs.getParent();
    try {
      if (dir != null) {
        Files.createDirectories(dir);
      }
      Path tmp = abs.resolveSibling(AtomicFiles.temporaryName(abs.getFileName().toString()));
      try {
        if (Files.getFileStore(dir == null ? abs.getRoot() : dir)
            .supportsFileAttributeView("posix")) {
          Files.createFile(
              tmp,
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
          Files.createFile(tmp);
        }
        String json =
            TinkJsonProtoKeysetFormat.serializeKeyset(handle, InsecureSecretKeyAccess.get());
        try (var ch =
            java.nio.channels.FileChannel.open(tmp, java.nio.file.StandardOpenOption.WRITE)) {
          ch.write(java.nio.ByteBuffer.wrap(json.getBytes(StandardCharsets.UTF_8)));
          ch.force(true);
        }
        AtomicFiles.moveAtomically(tmp, abs);
        if (dir != null) {
          AtomicFiles.forceFolder(dir);
        }
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (FileAlreadyExistsException e) {
      throw new MlopsException(abs + ": cannot write the pseudonym key: a temporary file exists");
    } catch (IOException | GeneralSecurityException e) {
      throw new MlopsException(
          abs + ": cannot write the pseudonym key: " + e.getClass().getSimpleName());
    }
  }

  /**
   * A keyset with every key of this one plus a fresh AES-SIV key as the new primary. This key is
   * not changed.
   *
   * @return the rotated key
   */
  public PseudonymKey rotate() {
    try {
      return new PseudonymKey(
          KeysetHandle.newBuilder(handle)
              .addEntry(
                  KeysetHandle.generateEntryFromParameters(
                          PredefinedDeterministicAeadParameters.AES256_SIV)
                      .withRandomId()
                      .makePrimary())
              .build());
    } catch (GeneralSecurityException e) {
      throw new PseudonymKeyException("cannot rotate the pseudonym key: " + e.getMessage());
    }
  }

  /**
   * @return the ids of the keys in the keyset, in keyset order (unsigned 32-bit values)
   */
  public List<Long> keyIds() {
    List<Long> ids = new ArrayList<>();
    for (int i = 0; i < handle.size(); i++) {
      ids.add(Integer.toUnsignedLong(handle.getAt(i).getId()));
    }
    return List.copyOf(ids);
  }

  /**
   * @return the id of the primary key, under which new pseudonyms are made
   */
  public long primaryKeyId() {
    return Integer.toUnsignedLong(handle.getPrimary().getId());
  }

  DeterministicAead primitive() {
    return daead;
  }

  /**
   * A secret derived from one key of the keyset: its AES-SIV encryption of a fixed label (a keyed
   * pseudo-random function of the key), for keyed commitments such as an erasure receipt's.
   *
   * @param keyId the key's id
   * @param label what the secret is for
   * @return the secret bytes
   * @throws PseudonymKeyException if the keyset has no such key
   */
  byte[] derive(long keyId, String label) {
    try {
      KeysetHandle.Builder b = KeysetHandle.newBuilder(handle);
      int found = -1;
      for (int i = 0; i < handle.size(); i++) {
        if (Integer.toUnsignedLong(handle.getAt(i).getId()) == keyId) {
          found = i;
        }
      }
      if (found < 0) {
        throw new PseudonymKeyException(
            "the key "
                + keyId
                + " is not in "
                + this
                + ": use the keyset the receipt was made with");
      }
      b.getAt(found).makePrimary();
      DeterministicAead d =
          b.build().getPrimitive(RegistryConfiguration.get(), DeterministicAead.class);
      return d.encryptDeterministically(
          label.getBytes(StandardCharsets.UTF_8),
          "mlops4j.privacy.derive".getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new PseudonymKeyException(
          "cannot derive a secret from " + this + ": " + e.getMessage());
    }
  }

  /** The algorithm, the key count and the ids; never key material. */
  @Override
  public String toString() {
    return "PseudonymKey[AES-SIV (RFC 5297), "
        + handle.size()
        + (handle.size() == 1 ? " key" : " keys")
        + " "
        + keyIds()
        + ", primary "
        + primaryKeyId()
        + "]";
  }
}
