package dev.footprint.memory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Finds the memory cgroup directory of a process: its path from /proc/PID/cgroup, placed under
 * the matching mount from /proc/self/mountinfo, relative to that mount's root (inside a container
 * with a cgroup namespace both are "/"; without one, the mount root is the container's own path).
 * A v1 memory controller wins over the v2 hierarchy on hybrid hosts, as it is the one that accounts.
 */
final class CgroupLocator {

    private CgroupLocator() {
    }

    static Optional<CgroupMemory> locate(Path root, String pid) {
        return locate(root, pid, "memory", "memory.usage_in_bytes", "memory.current").map(d -> new CgroupMemory(d.dir(), d.version()));
    }

    /** A cgroup directory and the hierarchy it is in. */
    record Dir(Path dir, CgroupVersion version) {
    }

    /**
     * The directory of process {@code pid}'s cgroup for a v1 {@code controller} (on hybrid hosts it wins), else
     * its v2 cgroup; only one where the version's probe file can be read.
     */
    static Optional<Dir> locate(Path root, String pid, String controller, String v1Probe, String v2Probe) {
        List<String> cgroups = lines(root.resolve("proc").resolve(pid).resolve("cgroup"));
        List<String> mounts = lines(root.resolve("proc/self/mountinfo"));
        if (cgroups.isEmpty() || mounts.isEmpty()) {
            return Optional.empty();
        }
        String v1Path = null;
        String v2Path = null;
        for (String line : cgroups) {
            // hierarchy-ID:controller-list:cgroup-path
            String[] f = line.split(":", 3);
            if (f.length < 3) {
                continue;
            }
            if (f[0].equals("0") && f[1].isEmpty()) {
                v2Path = f[2];
            } else if (List.of(f[1].split(",")).contains(controller)) {
                v1Path = f[2];
            }
        }
        for (String line : mounts) {
            Mount m = Mount.parse(line);
            if (m == null) {
                continue;
            }
            if (v1Path != null && m.fsType.equals("cgroup") && List.of(m.superOptions.split(",")).contains(controller)) {
                return found(root, m, v1Path, CgroupVersion.V1, v1Probe);
            }
        }
        if (v2Path != null) {
            for (String line : mounts) {
                Mount m = Mount.parse(line);
                if (m != null && m.fsType.equals("cgroup2")) {
                    Optional<Dir> c = found(root, m, v2Path, CgroupVersion.V2, v2Probe);
                    if (c.isPresent()) {
                        return c;
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<Dir> found(Path root, Mount m, String cgroupPath, CgroupVersion version, String probeFile) {
        String relative = cgroupPath;
        if (!m.root.equals("/") && (cgroupPath.equals(m.root) || cgroupPath.startsWith(m.root + "/"))) {
            relative = cgroupPath.substring(m.root.length());
        }
        Path dir = root.resolve(strip(m.mountPoint)).resolve(strip(relative)).normalize();
        return Files.isReadable(dir.resolve(probeFile)) ? Optional.of(new Dir(dir, version)) : Optional.empty();
    }

    private static String strip(String absolute) {
        String s = absolute;
        while (s.startsWith("/")) {
            s = s.substring(1);
        }
        return s;
    }

    private static List<String> lines(Path p) {
        try {
            return Files.isReadable(p) ? Files.readAllLines(p) : List.of();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** One /proc/self/mountinfo line: ID parent major:minor root mount-point options [optional...] - fstype source super-options. */
    private record Mount(String root, String mountPoint, String fsType, String superOptions) {

        static Mount parse(String line) {
            String[] f = line.split(" ");
            int dash = List.of(f).indexOf("-");
            if (dash < 6 || dash + 1 >= f.length) {
                return null;
            }
            String fsType = f[dash + 1];
            String superOptions = dash + 3 < f.length ? f[dash + 3] : "";
            return new Mount(unescape(f[3]), unescape(f[4]), fsType, superOptions);
        }

        /** mountinfo escapes space, tab, newline and backslash as octal. */
        private static String unescape(String s) {
            return s.replace("\\040", " ").replace("\\011", "\t").replace("\\012", "\n").replace("\\134", "\\");
        }
    }
}
