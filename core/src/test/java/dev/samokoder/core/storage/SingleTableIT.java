package dev.samokoder.core.storage;

import dev.samokoder.core.domain.Ids;
import dev.samokoder.core.testing.LocalAwsExtension;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ExtendWith(LocalAwsExtension.class)
class SingleTableIT {

    @Test
    void getAll_readsTheItemsThereAre_byKey_inOneRequest(Storage storage) {
        // given: two items of a partition, and a key with no item
        SingleTable table = storage.table();
        String partition = "TEST#" + Ids.newId("prt");
        Key first = new Key(partition, "A");
        Key second = new Key(partition, "B");
        Key missing = new Key(partition, "C");
        table.create(first, Attributes.item(first, "Test", 1).string("name", "first").build());
        table.create(second, Attributes.item(second, "Test", 1).string("name", "second").build());

        // when
        var items = table.getAll(List.of(first, missing, second, first));

        // then
        assertThat(items).containsOnlyKeys(first, second);
        assertThat(Attributes.of(items.get(first)).string("name")).isEqualTo("first");
        assertThat(Attributes.of(items.get(second)).string("name")).isEqualTo("second");
    }

    @Test
    void getAll_refusesMoreKeysThanOneBatchRead(Storage storage) {
        List<Key> keys = IntStream.range(0, SingleTable.MAX_BATCH_GET + 1).mapToObj(i -> new Key("TEST#many", "K" + i)).toList();

        assertThatThrownBy(() -> storage.table().getAll(keys)).isInstanceOf(IllegalArgumentException.class);
    }
}
