package dev.samokoder.services.notifications;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DestinationGuardTest {

    private static InetAddress ip(String literal) {
        try {
            return InetAddress.getByName(literal); // literals only: no lookup
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    /** A resolver with fixed answers, so no test depends on DNS. */
    private static DestinationGuard.Resolver dns(Map<String, List<String>> answers) {
        return host -> {
            List<String> addresses = answers.get(host);
            if (addresses == null) {
                throw new UnknownHostException(host);
            }
            return addresses.stream().map(DestinationGuardTest::ip).toArray(InetAddress[]::new);
        };
    }

    @Test
    void nonPublicAddressesAreBlocked() {
        for (String address : List.of("127.0.0.1", "127.8.9.10", "10.0.0.1", "172.16.0.1", "172.31.255.255", "192.168.1.1",
                "169.254.169.254", "169.254.0.1", "100.64.0.1", "100.100.100.200", "0.0.0.0", "224.0.0.1", "255.255.255.255",
                "192.0.0.170", "198.18.0.1", "192.0.2.1", "::1", "::", "fe80::1", "fc00::1", "fd00:ec2::254", "ff02::1",
                "::ffff:127.0.0.1", "::ffff:169.254.169.254", "::10.0.0.1", "64:ff9b::a9fe:a9fe", "2001:db8::1")) {
            assertThat(DestinationGuard.whyBlocked(ip(address))).as(address).isPresent();
        }
    }

    @Test
    void publicAddressesPass() {
        for (String address : List.of("8.8.8.8", "1.1.1.1", "140.82.115.54", "172.32.0.1", "100.128.0.1", "2606:4700:4700::1111",
                "64:ff9b::808:808")) {
            assertThat(DestinationGuard.whyBlocked(ip(address))).as(address).isEmpty();
        }
    }

    @Test
    void aHostWithOnePrivateAddressAmongPublicOnesIsRefused() {
        DestinationGuard guard = new DestinationGuard(List.of(), dns(Map.of("mixed.example", List.of("8.8.8.8", "10.0.0.5"))));

        assertThatThrownBy(() -> guard.check("https://mixed.example/hook"))
                .isInstanceOf(RefusedDestinationException.class).hasMessageContaining("10.0.0.5");
    }

    @Test
    void theFormOfTheUrlIsChecked() {
        DestinationGuard guard = new DestinationGuard(List.of(), dns(Map.of("hooks.example", List.of("8.8.8.8"))));

        assertThat(guard.check("https://hooks.example/samokoder?x=1")).isEqualTo(URI.create("https://hooks.example/samokoder?x=1"));
        for (String url : List.of("http://hooks.example/", "ftp://hooks.example/", "https://user:pw@hooks.example/",
                "https://hooks.example/#frag", "/relative", "https:///nohost", "https://unknown.example/", "",
                "https://hooks.example/" + "a".repeat(DestinationGuard.MAX_URL_LENGTH))) {
            assertThatThrownBy(() -> guard.check(url)).as(url).isInstanceOf(RefusedDestinationException.class);
        }
    }

    @Test
    void allowListedHostsSkipTheAddressCheckAndMayUseHttp() {
        DestinationGuard guard = new DestinationGuard(List.of("127.0.0.1"), dns(Map.of("127.0.0.1", List.of("127.0.0.1"),
                "localhost", List.of("127.0.0.1"))));

        assertThat(guard.check("http://127.0.0.1:8787/events").getPort()).isEqualTo(8787);
        assertThatThrownBy(() -> guard.check("http://localhost:8787/events")).isInstanceOf(RefusedDestinationException.class);
        assertThatThrownBy(() -> guard.check("https://localhost:8787/events")).isInstanceOf(RefusedDestinationException.class);
    }

    @Test
    void aNameRepointedAfterTheCheckIsRefusedAtSendTime() {
        // given: a name that was public when the URL was saved...
        AtomicReference<String> answer = new AtomicReference<>("93.184.215.14");
        DestinationGuard guard = new DestinationGuard(List.of(), host -> new InetAddress[] {ip(answer.get())});
        URI saved = guard.check("https://rebind.example/hook");

        // when: ...points at the metadata endpoint now (DNS rebinding)
        answer.set("169.254.169.254");

        // then
        assertThatThrownBy(() -> guard.checkAddresses(saved)).isInstanceOf(RefusedDestinationException.class)
                .hasMessageContaining("169.254.169.254");
    }
}
