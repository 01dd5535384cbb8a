package dev.footprint.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class LeversTest {

    @Test
    void repetitionsNamesTheRowsThatRanMoreOftenThanTheRest() {
        List<Results.TargetResult> levers = List.of(
                Fixtures.target("base", "lever", List.of(Fixtures.rep(1, 80, 120, 1000), Fixtures.rep(2, 82, 118, 1000),
                        Fixtures.rep(3, 79, 121, 1000))),
                Fixtures.target("a", "lever", List.of(Fixtures.rep(1, 70, 90, 1000))),
                Fixtures.target("b", "lever", List.of(Fixtures.rep(1, 75, 95, 1000))));
        assertEquals("1 repetition(s) per lever (base: 3; the median is shown). ", Levers.repetitions(levers));
    }

    @Test
    void repetitionsWhenEveryRowRanTheSame() {
        List<Results.TargetResult> levers = List.of(
                Fixtures.target("a", "lever", List.of(Fixtures.rep(1, 70, 90, 1000))),
                Fixtures.target("b", "lever", List.of(Fixtures.rep(1, 75, 95, 1000))));
        assertEquals("1 repetition(s) per lever. ", Levers.repetitions(levers));
    }
}
