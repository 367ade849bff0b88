package dev.samokoder.local.sandbox.cgroup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Detection against fake cgroup file systems laid out in a temp folder, one per kind of machine. */
class CgroupDetectionIT {

    @TempDir
    Path root;

    private String mount(String type, String point, String options) {
        return "30 24 0:26 / " + root.resolve(point) + " rw,relatime - " + type + " " + type + " " + options + "\n";
    }

    @Test
    void aUnifiedHierarchyWithTheControllersIsUsedAsV2() throws Exception {
        // given: a current systemd machine
        Path v2 = Files.createDirectories(root.resolve("cgroup"));
        Files.writeString(v2.resolve("cgroup.controllers"), "cpuset cpu io memory hugetlb pids rdma misc\n");

        // when
        CgroupDriver driver = CgroupDetection.detect(mount("cgroup2", "cgroup", "rw"), "0::/user.slice/session-1.scope\n", Optional.empty());

        // then
        assertThat(driver).isInstanceOf(CgroupV2.class);
        assertThat(driver.describe()).contains(v2.resolve("samokoder-sandbox").toString());
        assertThat(Files.readString(v2.resolve("cgroup.subtree_control"))).isEqualTo("+memory +pids +cpu");
        assertThat(Files.readString(v2.resolve("samokoder-sandbox/cgroup.subtree_control"))).isEqualTo("+memory +pids +cpu");
    }

    @Test
    void v1HierarchiesAreUsedWhenTheUnifiedOneLacksControllers_nestedUnderOurOwnCgroups() throws Exception {
        // given: this development machine: v2 mounted with hugetlb only, v1 for the rest
        Path v2 = Files.createDirectories(root.resolve("unified"));
        Files.writeString(v2.resolve("cgroup.controllers"), "hugetlb\n");
        String mounts = mount("cgroup2", "unified", "rw") + mount("cgroup", "memory", "rw,memory")
                + mount("cgroup", "cpu", "rw,cpu") + mount("cgroup", "pids", "rw,pids");
        String own = "8:pids:/\n4:memory:/process_api/abc\n1:cpu:/\n0::/\n";

        // when
        CgroupDriver driver = CgroupDetection.detect(mounts, own, Optional.empty());

        // then
        assertThat(driver).isInstanceOf(CgroupV1.class);
        assertThat(root.resolve("memory/process_api/abc/samokoder-sandbox")).isDirectory();
        assertThat(root.resolve("pids/samokoder-sandbox")).isDirectory();
        assertThat(root.resolve("cpu/samokoder-sandbox")).isDirectory();
    }

    @Test
    void aDelegatedCgroupNamedInTheSettingsIsUsed() throws Exception {
        // given
        Path delegated = Files.createDirectories(root.resolve("user@1000.service/samokoder"));

        // when
        CgroupDriver driver = CgroupDetection.detect("", "0::/user.slice\n", Optional.of(delegated));

        // then
        assertThat(driver.describe()).contains(delegated.toString());
    }

    @Test
    void noControllersAnywhereIsRefusedWithWhatToInstall() throws Exception {
        // given: only the v2 mount, without the controllers, and no v1
        Path v2 = Files.createDirectories(root.resolve("unified"));
        Files.writeString(v2.resolve("cgroup.controllers"), "hugetlb\n");

        // when / then
        assertThatThrownBy(() -> CgroupDetection.detect(mount("cgroup2", "unified", "rw"), "0::/\n", Optional.empty()))
                .isInstanceOf(CgroupUnavailableException.class)
                .hasMessageContaining("memory, cpu and pids")
                .hasMessageContaining("cgroupfs-mount");
    }
}
