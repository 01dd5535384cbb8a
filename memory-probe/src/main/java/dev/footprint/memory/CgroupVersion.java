package dev.footprint.memory;

public enum CgroupVersion {
    V1,
    V2
}
