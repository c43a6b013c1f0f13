package com.sicfurnace.controller.bench;

import com.sicfurnace.controller.telemetry.influx.EmbeddedQuestDb;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A fresh embedded QuestDB for one phase of a benchmark, in a temporary directory removed on close. */
final class ScratchQuestDb implements AutoCloseable {
    final Path dir;
    final EmbeddedQuestDb quest;

    private ScratchQuestDb(Path dir) throws IOException {
        this.dir = dir;
        this.quest = EmbeddedQuestDb.start(dir.resolve("questdb"));
    }

    static ScratchQuestDb start(String prefix) throws IOException {
        return new ScratchQuestDb(Files.createTempDirectory(prefix));
    }

    @Override
    public void close() throws IOException {
        quest.close();
        ScratchDirectories.delete(dir);
    }
}
