package org.mlops4j.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CsvFormatTest {

  @Test
  void defaults_detectTheDelimiter_andReadPandasCommonTokensAsMissing() {
    CsvFormat d = CsvFormat.defaults();
    assertThat(d.delimiter()).isNull();
    assertThat(d.missing()).containsExactly("NA", "N/A", "NaN", "nan", "null", "NULL", "None");
  }

  @Test
  void naValues_addTokens_andKeepDefaultNaFalse_dropsTheDefaults() {
    // as pandas.read_csv(na_values=[...], keep_default_na=...)
    assertThat(CsvFormat.of(';', List.of(" ? ", "-"), true).missing())
        .containsExactly("NA", "N/A", "NaN", "nan", "null", "NULL", "None", "?", "-");
    assertThat(CsvFormat.of(null, List.of("?"), false).missing()).containsExactly("?");
    assertThat(CsvFormat.of(null, List.of(), false).missing()).isEmpty();
  }

  @Test
  void aTokenThatLooksLikeAValue_isCheckedBeforeNumbers() {
    assertThat(CsvFormat.defaults().tokenLooksLikeAValue()).isFalse();
    assertThat(CsvFormat.of(null, List.of("-999"), true).tokenLooksLikeAValue()).isTrue();
    assertThat(CsvFormat.of(null, List.of("1970-01-01"), true).tokenLooksLikeAValue()).isTrue();
  }

  @Test
  void describe_namesTabAndQuotesOtherDelimiters() {
    assertThat(CsvFormat.describe('\t')).isEqualTo("tab");
    assertThat(CsvFormat.describe(';')).isEqualTo("';'");
  }
}
