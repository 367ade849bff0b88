package dev.samokoder.services.preview;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PreviewGateHeadTest {

    private static PreviewGate.Head read(String head, int max) throws IOException {
        return PreviewGate.Head.read(new ByteArrayInputStream(head.getBytes(StandardCharsets.ISO_8859_1)), max);
    }

    @Test
    void theHeadEndsAtItsBlankLine_andIsPassedOnAskingTheAppToCloseAfterItsAnswer() throws IOException {
        String head = "POST /todos?x=1 HTTP/1.1\r\nHost: 127.0.0.1:4000\r\nConnection: keep-alive\r\nKeep-Alive: timeout=5\r\n"
                + "Content-Length: 2\r\n\r\n";

        PreviewGate.Head read = PreviewGate.Head.read(new ByteArrayInputStream((head + "{}").getBytes(StandardCharsets.ISO_8859_1)), 1024);

        // one request per connection: the next one comes on a new connection, and is checked again
        assertThat(new String(read.bytes(), StandardCharsets.ISO_8859_1))
                .isEqualTo("POST /todos?x=1 HTTP/1.1\r\nHost: 127.0.0.1:4000\r\nContent-Length: 2\r\nConnection: close\r\n\r\n");
        assertThat(read.path()).isEqualTo("/todos");
        assertThat(read.query("x")).contains("1");
    }

    @Test
    void aWebSocketUpgradeStaysAnUpgrade() throws IOException {
        PreviewGate.Head read = read("GET /ws HTTP/1.1\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n\r\n", 1024);

        assertThat(new String(read.bytes(), StandardCharsets.ISO_8859_1))
                .isEqualTo("GET /ws HTTP/1.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n");
    }

    @Test
    void cookiesAreFoundByName_inEveryCookieHeader_quotedOrNot() throws IOException {
        PreviewGate.Head read = read("GET / HTTP/1.1\r\nCookie: a=1; samokoder-preview-pv_1=\"s.e.s\"\r\ncookie: b=2\r\n\r\n", 1024);

        assertThat(read.cookie("samokoder-preview-pv_1")).contains("s.e.s");
        assertThat(read.cookie("b")).contains("2");
        assertThat(read.cookie("samokoder-preview-pv_2")).isEmpty();
    }

    @Test
    void aTicketIsReadFromTheQuery_decoded() throws IOException {
        assertThat(read("GET /.samokoder/enter?ticket=pt_a%2Db&other=1 HTTP/1.1\r\n\r\n", 1024).query("ticket")).contains("pt_a-b");
    }

    @Test
    void aHeadOverTheLimit_orCutShort_isNoHead() throws IOException {
        assertThat(read("GET / HTTP/1.1\r\nX-Big: " + "a".repeat(100) + "\r\n\r\n", 64)).isNull();
        assertThat(read("GET / HTTP/1.1\r\nHost: x\r\n", 1024)).isNull();
    }
}
