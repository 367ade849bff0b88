package dev.samokoder.local.sandbox;

/**
 * Who sandboxed commands are. Inside, always uid/gid {@value #INNER_ID} ("sandbox"). Outside: as root,
 * the platform first drops to an unprivileged uid on the host, so the sandbox is nobody outside its
 * namespaces too (not a root without capabilities); as any other user, bubblewrap runs as that
 * user, whose rights are then the ceiling.
 *
 * @param uid the host uid the sandbox runs as (and owns the workspace as)
 * @param dropFromRoot whether the launch switches from root to {@code uid}/{@code gid} first
 */
record SandboxIdentity(int uid, int gid, boolean dropFromRoot) {

    /** The uid and gid inside: not 65534, which is what unmapped host owners (root) show as. */
    static final int INNER_ID = 1000;

    static SandboxIdentity forThisProcess(int sandboxUid) {
        int uid = (int) ProcStatus.value("Uid");
        return uid == 0 ? new SandboxIdentity(sandboxUid, sandboxUid, true) : new SandboxIdentity(uid, (int) ProcStatus.value("Gid"), false);
    }

    String passwd() {
        return "sandbox:x:" + INNER_ID + ":" + INNER_ID + ":sandbox:/tmp:/bin/sh\n";
    }

    String group() {
        return "sandbox:x:" + INNER_ID + ":\n";
    }
}
