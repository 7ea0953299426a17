package dev.ssmrun.cli.convert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnvFileTest {
  @Test
  void parse_commentsBlanksExportAndQuotes() {
    List<KeyValue> variables =
        EnvFile.parse(
            "prod.env",
            List.of(
                "# database",
                "",
                "DB_USER=app",
                "  export DB_PASSWORD='p@ss word'  ",
                "TOKEN=\"a=b#c\"",
                "EMPTY=",
                "HALF='quoted",
                "URL=https://x?a=1\r"));

    assertThat(variables)
        .containsExactly(
            new KeyValue("DB_USER", "app"),
            new KeyValue("DB_PASSWORD", "p@ss word"),
            new KeyValue("TOKEN", "a=b#c"),
            new KeyValue("EMPTY", ""),
            new KeyValue("HALF", "'quoted"),
            new KeyValue("URL", "https://x?a=1"));
  }

  @Test
  void parse_badLine_namesFileAndLineNumber_neverItsText() {
    assertThatThrownBy(() -> EnvFile.parse("prod.env", List.of("# ok", "A=1", "s3cr3t-value")))
        .hasMessage("prod.env line 3: not NAME=VALUE (e.g. DB_PASSWORD=s3cret)");
    assertThatThrownBy(() -> EnvFile.parse("prod.env", List.of("=s3cr3t")))
        .hasMessageStartingWith("prod.env line 1: not NAME=VALUE");
    assertThatThrownBy(() -> EnvFile.parse("prod.env", List.of("A B=s3cr3t")))
        .hasMessageStartingWith("prod.env line 1: name 'A B' is invalid")
        .hasMessageNotContaining("s3cr3t");
    assertThatThrownBy(() -> EnvFile.parse("prod.env", List.of("NAME =s3cr3t")))
        .hasMessageStartingWith("prod.env line 1: not NAME=VALUE")
        .hasMessageNotContaining("s3cr3t");
  }

  @Test
  void read_missingFile_saysItCannotBeRead(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("ok.env"), "A=1\nB=2\n");

    assertThat(EnvFile.read(file)).containsExactly(new KeyValue("A", "1"), new KeyValue("B", "2"));
    assertThatThrownBy(() -> EnvFile.read(dir.resolve("missing.env")))
        .hasMessageContaining("missing.env: cannot read it");
  }
}
