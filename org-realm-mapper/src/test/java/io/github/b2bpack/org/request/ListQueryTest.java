package io.github.b2bpack.org.request;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.b2bpack.org.model.OrganizationException;
import io.github.b2bpack.org.model.StatusFilter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ListQueryTest {

    @Test
    void defaultsToTheFirstPageOfTenUnfiltered() {
        assertEquals(new ListQuery(1, 10, StatusFilter.ANY), ListQuery.of(Map.of()));
        assertEquals(0, ListQuery.of(Map.of()).first());
        ListQuery third = ListQuery.of(Map.of("page", List.of(" 3 "), "per_page", List.of("25")));
        assertEquals(new ListQuery(3, 25, StatusFilter.ANY), third);
        assertEquals(50, third.first());
    }

    @Test
    void oneStatusFiltersBothOrNoneDoNot() {
        assertEquals(
                StatusFilter.ANY_UP,
                ListQuery.of(Map.of(ListQuery.STATUS_FILTER, List.of("up"))).filter());
        assertEquals(
                StatusFilter.ANY_DOWN,
                ListQuery.of(Map.of("q[environments_status_in]", List.of("down")))
                        .filter());
        assertEquals(
                StatusFilter.ANY,
                ListQuery.of(Map.of(ListQuery.STATUS_FILTER, List.of("up", "down")))
                        .filter());
        assertEquals(
                StatusFilter.ANY,
                ListQuery.of(Map.of(
                                ListQuery.STATUS_FILTER, List.of("up"), "q[environments_status_in]", List.of("down")))
                        .filter());
    }

    @Test
    void badValuesAreRefusedAsInvalidRequests() {
        for (Map<String, List<String>> bad : List.of(
                Map.of("per_page", List.of("0")),
                Map.of("per_page", List.of("101")),
                Map.of("page", List.of("abc")),
                Map.of("page", List.of("-1")),
                Map.of("page", List.of(String.valueOf(Integer.MAX_VALUE / ListQuery.MAX_PER_PAGE + 1))),
                Map.of(ListQuery.STATUS_FILTER, List.of("UP")),
                Map.of(ListQuery.STATUS_FILTER, List.of("maybe")))) {
            OrganizationException e =
                    assertThrows(OrganizationException.class, () -> ListQuery.of(bad), bad.toString());
            assertEquals(OrganizationException.Kind.INVALID, e.kind());
            assertEquals("invalid_request", e.code());
        }
    }
}
