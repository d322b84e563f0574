package io.github.b2bpack.org.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class PaginationTest {

    @Test
    void middlePageHasBothNeighbours() {
        ListRepresentation.Pagination p = ListRepresentation.Pagination.of(2, 10, 25);
        assertEquals(2, p.currentPage());
        assertEquals(3, p.nextPage());
        assertEquals(1, p.prevPage());
        assertEquals(3, p.totalPages());
        assertEquals(10, p.perPage());
    }

    @Test
    void firstAndLastPages() {
        ListRepresentation.Pagination first = ListRepresentation.Pagination.of(1, 10, 25);
        assertNull(first.prevPage());
        ListRepresentation.Pagination last = ListRepresentation.Pagination.of(3, 10, 25);
        assertNull(last.nextPage());
        assertEquals(2, last.prevPage());
    }

    @Test
    void emptyListHasNoPages() {
        ListRepresentation.Pagination p = ListRepresentation.Pagination.of(1, 10, 0);
        assertEquals(0, p.totalPages());
        assertNull(p.nextPage());
        assertNull(p.prevPage());
    }

    @Test
    void pageBeyondTheEndPointsBackToTheLastPage() {
        ListRepresentation.Pagination p = ListRepresentation.Pagination.of(9, 10, 25);
        assertNull(p.nextPage());
        assertEquals(3, p.prevPage());
    }
}
