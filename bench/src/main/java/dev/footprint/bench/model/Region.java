package dev.footprint.bench.model;

/**
 * Where a process's resident memory sits, by what its mappings are ({@link #of}): the groups of the attribution
 * tables. A file-backed region's anonymous part is the pages the process wrote into its private copy.
 */
public enum Region {
    executableCode("the executable's code (r-x): a native image's or Go's compiled code"),
    executableReadOnly("the executable's read-only data: a native image's read-only image heap"),
    executableWritable("the executable's writable data (its bss is anonymous): a native image's writable image heap"),
    libjvm("libjvm.so, the HotSpot JVM"),
    sharedLibraries("other shared libraries (libc, libstdc++, the JDK's and the runtime's own)"),
    jdkModules("the jlink'd or full JDK's modules image (lib/modules)"),
    jars("jars mapped by the JVM"),
    cdsArchive("the CDS archive or AOT cache (.jsa, .aot)"),
    tmpfs("files in /tmp and /dev/shm (tmpfs where the container runs locked down, as the bench runs it) and shared "
            + "memory: a tmpfs file is charged whole, mapped or not"),
    otherFiles("any other mapped file"),
    mallocHeap("the brk heap ([heap]): the main malloc arena"),
    mainStack("the main thread's stack ([stack]); other threads' stacks are anonymous"),
    anonymous("anonymous memory: a JVM's heap, metaspace, code cache, thread stacks and malloc arenas (its NMT "
            + "summary splits them), a native image's collected heap, Go's heap"),
    kernel("the kernel's pages mapped into the process ([vdso], [vvar])");

    private final String description;

    Region(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    /**
     * The region of one mapping of a process whose executable is {@code executable} (its path inside the container).
     *
     * @param path the mapping's path as smaps gives it, empty for anonymous memory
     * @param perms its permissions as smaps gives them, e.g. {@code r-xp}
     */
    public static Region of(String path, String perms, String executable) {
        // a file deleted since it was mapped (an unpacked library, a replaced jar) is still what it was
        String p = path.endsWith(" (deleted)") ? path.substring(0, path.length() - " (deleted)".length()) : path;
        if (p.isEmpty() || p.startsWith("[anon")) {
            return anonymous; // [anon:NAME]: anonymous memory a process named (PR_SET_VMA_ANON_NAME)
        }
        if (p.equals("[heap]")) {
            return mallocHeap;
        }
        if (p.equals("[stack]")) {
            return mainStack;
        }
        if (p.startsWith("[")) {
            return kernel;
        }
        if (p.startsWith("/tmp/") || p.startsWith("/dev/shm/") || p.startsWith("/memfd:") || p.startsWith("/SYSV")
                || p.startsWith("/dev/zero")) {
            return tmpfs;
        }
        if (p.equals(executable)) {
            return perms.charAt(2) == 'x' ? executableCode : perms.charAt(1) == 'w' ? executableWritable : executableReadOnly;
        }
        if (p.endsWith("/libjvm.so")) {
            return libjvm;
        }
        if (p.endsWith(".jsa") || p.endsWith(".aot")) {
            return cdsArchive;
        }
        if (p.endsWith("/lib/modules")) {
            return jdkModules;
        }
        if (p.endsWith(".jar")) {
            return jars;
        }
        if (p.endsWith(".so") || p.contains(".so.")) {
            return sharedLibraries;
        }
        return otherFiles;
    }
}
