package org.mlops4j.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PseudonymizerTest {
  @TempDir Path dir;

  private final PseudonymKey key = PseudonymKey.generate();
  private final Pseudonymizer p = Pseudonymizer.builder(key).domain("customer_id").build();

  /** The identifier space of the attacks: 10,000 customer numbers C-00000 to C-09999. */
  private static List<String> identifierSpace() {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      ids.add(String.format("C-%05d", i));
    }
    return ids;
  }

  @Test
  void pseudonymize_isConsistentUnderOneKey_andReversibleWithIt() {
    String a = p.pseudonymize("C-10042");
    assertEquals(a, p.pseudonymize("C-10042"));
    assertNotEquals(a, p.pseudonymize("C-10043"));
    assertEquals("C-10042", p.reidentify(a));
    // RFC 5297 / Tink: 5-byte prefix + 16-byte SIV + 7 bytes of text = 28 bytes = 38 base64url
    // characters without padding (ceil(28 * 4 / 3)).
    assertEquals(38, a.length());
  }

  @Test
  void pseudonymize_differsAcrossDomains_andDoesNotDecryptInAnotherDomain() {
    Pseudonymizer other = Pseudonymizer.builder(key).domain("email").build();
    String a = p.pseudonymize("x");
    assertNotEquals(a, other.pseudonymize("x"));
    assertThrows(PseudonymKeyException.class, () -> other.reidentify(a));
  }

  @Test
  void reidentify_withAWrongKey_failsClearly_neverPassesTheValueThrough() {
    String token = p.pseudonymize("C-10042");
    PseudonymKey wrong = PseudonymKey.generate();
    Pseudonymizer q = Pseudonymizer.builder(wrong).domain("customer_id").build();
    PseudonymKeyException e = assertThrows(PseudonymKeyException.class, () -> q.reidentify(token));
    assertEquals(
        "pseudonym does not decrypt under "
            + wrong
            + " in domain 'customer_id': it was made under another key or domain, or altered",
        e.getMessage());
  }

  @Test
  void reidentify_ofAnAlteredPseudonym_fails() {
    byte[] b = Base64.getUrlDecoder().decode(p.pseudonymize("C-10042"));
    b[b.length - 1] ^= 1;
    String altered = Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    assertThrows(PseudonymKeyException.class, () -> p.reidentify(altered));
  }

  @Test
  void reidentify_ofTextThatIsNotBase64_namesIt() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> p.reidentify("not base64!"));
    assertEquals("pseudonym must be base64url text, but was 'not base64!'", e.getMessage());
  }

  @Test
  void builder_withoutAKey_isRefused() {
    NullPointerException e =
        assertThrows(NullPointerException.class, () -> Pseudonymizer.builder(null));
    assertEquals("key must not be null", e.getMessage());
  }

  @Test
  void rotation_keepsOldPseudonymsReadable_andRepseudonymizeMovesThemToTheNewPrimary() {
    String old = p.pseudonymize("C-10042");
    PseudonymKey rotated = key.rotate();
    assertEquals(2, rotated.keyIds().size());
    assertEquals(key.primaryKeyId(), rotated.keyIds().get(0));
    assertNotEquals(key.primaryKeyId(), rotated.primaryKeyId());
    Pseudonymizer r = Pseudonymizer.builder(rotated).domain("customer_id").build();
    assertEquals("C-10042", r.reidentify(old));
    String moved = r.repseudonymize(old);
    assertNotEquals(old, moved);
    assertEquals(moved, r.pseudonymize("C-10042"));
    assertEquals("C-10042", r.reidentify(moved));
    // the old keyset does not know the new key
    assertThrows(PseudonymKeyException.class, () -> p.reidentify(moved));
  }

  @Test
  void repseudonymize_ofATable_movesTheColumn() {
    PersonalData data = PersonalData.builder("id", "x").row("a", "1").row("b", "2").build();
    PersonalData pseudo = p.pseudonymize(data, "id");
    Pseudonymizer r = Pseudonymizer.builder(key.rotate()).domain("customer_id").build();
    PersonalData moved = r.repseudonymize(pseudo, "id");
    assertEquals(List.of(r.pseudonymize("a"), r.pseudonymize("b")), moved.column("id"));
    assertEquals(List.of("1", "2"), moved.column("x"));
  }

  @Test
  void saveAndLoad_roundTrip_withOwnerOnlyPermissions() throws Exception {
    Path f = dir.resolve("keys/pseudonyms.json");
    key.save(f);
    PseudonymKey back = PseudonymKey.load(f);
    assertEquals(key.keyIds(), back.keyIds());
    assertEquals(
        "C-10042",
        Pseudonymizer.builder(back)
            .domain("customer_id")
            .build()
            .reidentify(p.pseudonymize("C-10042")));
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)));
  }

  @Test
  void load_ofAMissingFile_namesIt() {
    Path f = dir.resolve("absent.json");
    PseudonymKeyException e = assertThrows(PseudonymKeyException.class, () -> PseudonymKey.load(f));
    assertEquals(
        f.toAbsolutePath() + ": no pseudonym key: the file does not exist", e.getMessage());
  }

  @Test
  void load_ofAFileThatIsNotAKeyset_doesNotQuoteIt() throws Exception {
    Path f = dir.resolve("bad.json");
    Files.writeString(f, "{\"secret\": \"hunter2\"}");
    PseudonymKeyException e = assertThrows(PseudonymKeyException.class, () -> PseudonymKey.load(f));
    assertEquals(
        f.toAbsolutePath() + ": not a pseudonym key: expected a Tink JSON keyset of AES-SIV keys",
        e.getMessage());
    assertFalse(e.getMessage().contains("hunter2"));
  }

  @Test
  void keyMaterial_neverAppearsInToStringMessagesOrReceipts() throws Exception {
    Path f = dir.resolve("k.json");
    key.save(f);
    // The keyset's secret: each key's "value" (a serialized AesSivKey: field 2 holds the 64 key
    // bytes after the tag 0x12 and the length 0x40).
    List<String> secrets = new ArrayList<>();
    Matcher m = Pattern.compile("\"value\"\\s*:\\s*\"([^\"]+)\"").matcher(Files.readString(f));
    while (m.find()) {
      String b64 = m.group(1);
      byte[] proto = Base64.getDecoder().decode(b64);
      byte[] raw = new byte[64];
      System.arraycopy(proto, proto.length - 64, raw, 0, 64);
      secrets.add(b64);
      secrets.add(HexFormat.of().formatHex(raw));
      secrets.add(Base64.getEncoder().encodeToString(raw));
      secrets.add(Base64.getUrlEncoder().withoutPadding().encodeToString(raw));
    }
    assertEquals(4, secrets.size());
    List<String> shown = new ArrayList<>();
    shown.add(key.toString());
    shown.add(p.toString());
    shown.add(
        assertThrows(
                PseudonymKeyException.class,
                () ->
                    Pseudonymizer.builder(PseudonymKey.generate())
                        .build()
                        .reidentify(p.pseudonymize("x")))
            .getMessage());
    shown.add(
        assertThrows(
                PseudonymKeyException.class,
                () -> Pseudonymizer.builder(key).build().reidentify(p.pseudonymize("x")))
            .getMessage());
    Files.createDirectories(dir.resolve("project"));
    ErasureReceipt receipt =
        Erasure.builder(dir.resolve("project"), key).subjectColumn("id").build().erase("x");
    shown.add(receipt.toString());
    shown.add(receipt.toJson());
    shown.add(receipt.toHtml());
    for (String s : shown) {
      for (String secret : secrets) {
        assertFalse(s.contains(secret), () -> "key material in: " + s);
      }
    }
  }

  @Test
  void dictionaryAttack_recoversPlainSha256Pseudonyms_butNotKeyedOnes() throws Exception {
    List<String> space = identifierSpace();
    List<String> victims = List.of("C-00017", "C-04242", "C-09999");

    // Control: SHA-256 of the identifier, the unkeyed "pseudonym" the issue warns about. The
    // attacker hashes the whole identifier space (10,000 candidates) and looks the pseudonyms up.
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    Map<String, String> rainbow = new HashMap<>();
    for (String c : space) {
      rainbow.put(HexFormat.of().formatHex(sha.digest(c.getBytes(StandardCharsets.UTF_8))), c);
    }
    List<String> recovered = new ArrayList<>();
    for (String v : victims) {
      String published = HexFormat.of().formatHex(sha.digest(v.getBytes(StandardCharsets.UTF_8)));
      recovered.add(rainbow.get(published));
    }
    assertEquals(victims, recovered, "an unkeyed hash is recovered by a dictionary");

    // The keyed pseudonyms, published without the key.
    List<String> published = p.pseudonymize(victims);
    // Attack 1: the same SHA-256 dictionary (also over the pseudonyms' decoded bytes).
    for (String t : published) {
      assertFalse(rainbow.containsKey(t));
      assertFalse(rainbow.containsKey(HexFormat.of().formatHex(Base64.getUrlDecoder().decode(t))));
    }
    // Attack 2: the attacker's own key, same algorithm and domain, over the whole space.
    Pseudonymizer attacker =
        Pseudonymizer.builder(PseudonymKey.generate()).domain("customer_id").build();
    Map<String, String> keyedDictionary = new HashMap<>();
    for (String c : space) {
      keyedDictionary.put(attacker.pseudonymize(c), c);
    }
    for (String t : published) {
      assertFalse(keyedDictionary.containsKey(t), "a dictionary under another key matched");
      assertThrows(PseudonymKeyException.class, () -> attacker.reidentify(t));
    }
    // With the key, the holder turns them back.
    assertEquals(victims, published.stream().map(p::reidentify).toList());
  }
}
