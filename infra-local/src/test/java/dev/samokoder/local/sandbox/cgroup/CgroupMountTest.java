package dev.samokoder.local.sandbox.cgroup;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class CgroupMountTest {

    private static final String HYBRID = """
            24 30 0:22 / /sys/fs/cgroup rw,nosuid,nodev,noexec,relatime - tmpfs tmpfs rw,mode=755
            25 24 0:23 / /sys/fs/cgroup/unified rw,nosuid,nodev,noexec,relatime - cgroup2 cgroup2 rw
            28 24 0:26 / /sys/fs/cgroup/memory rw,nosuid,nodev,noexec,relatime shared:9 - cgroup cgroup rw,memory
            29 24 0:27 / /sys/fs/cgroup/cpu,cpuacct rw,nosuid,nodev,noexec,relatime shared:10 - cgroup cgroup rw,cpu,cpuacct
            30 24 0:28 / /sys/fs/cgroup/pids rw,nosuid,nodev,noexec,relatime shared:11 - cgroup cgroup rw,pids
            31 30 8:1 / /home/a\\040b rw,relatime - ext4 /dev/sda1 rw
            """;

    @Test
    void findsV1HierarchiesWithTheirControllersAndTheV2Mount() {
        // when
        List<CgroupMount> mounts = CgroupMount.parse(HYBRID);

        // then
        assertThat(mounts).hasSize(4);
        assertThat(mounts.getFirst()).isEqualTo(new CgroupMount(true, "/", Path.of("/sys/fs/cgroup/unified"), java.util.Set.of()));
        assertThat(mounts.get(2).mountPoint()).isEqualTo(Path.of("/sys/fs/cgroup/cpu,cpuacct"));
        assertThat(mounts.get(2).controllers()).contains("cpu", "cpuacct");
    }

    @Test
    void aCgroupPathIsResolvedInsideTheMount_evenWhenTheMountShowsASubtree() {
        // given
        CgroupMount whole = new CgroupMount(false, "/", Path.of("/sys/fs/cgroup/memory"), java.util.Set.of("memory"));
        CgroupMount subtree = new CgroupMount(false, "/docker/abc", Path.of("/sys/fs/cgroup/memory"), java.util.Set.of("memory"));

        // when / then
        assertThat(whole.folderOf("/process_api/42")).isEqualTo(Path.of("/sys/fs/cgroup/memory/process_api/42"));
        assertThat(whole.folderOf("/")).isEqualTo(Path.of("/sys/fs/cgroup/memory"));
        assertThat(subtree.folderOf("/docker/abc/inner")).isEqualTo(Path.of("/sys/fs/cgroup/memory/inner"));
        assertThat(subtree.folderOf("/elsewhere")).isEqualTo(Path.of("/sys/fs/cgroup/memory"));
    }
}
