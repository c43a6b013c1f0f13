package com.sicfurnace.controller.recipe.language;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A recipe file with the profile it names; a file that cannot be read is a recipe problem that names it. */
class RecipeFilesTest {
    @TempDir
    Path dir;

    @Test
    void theSmokeRecipeLoadsWithTheProfileOfItsFurnace() {
        RecipeFiles.Loaded loaded = RecipeFiles.load(Path.of("..", "..", "docs", "recipes", "pvt-8inch.yaml"));
        assertEquals("8inch", loaded.profile().furnace());
        assertEquals("8inch", loaded.recipe().furnace());
    }

    @Test
    void aFileThatIsNotUtf8TextIsRefusedNamingTheFile() throws Exception {
        Path binary = dir.resolve("photo.yaml");
        Files.write(binary, new byte[] {'r', 'e', 'c', (byte) 0xC3, (byte) 0x28, (byte) 0xFF, 0, 1, 2});
        RecipeException e = assertThrows(RecipeException.class, () -> RecipeFiles.load(binary));
        assertEquals("photo.yaml:0: cannot read " + binary + ": the file is not UTF-8 text", e.getMessage());
    }

    @Test
    void aMissingFileIsRefusedNamingIt() {
        Path missing = dir.resolve("nope.yaml");
        RecipeException e = assertThrows(RecipeException.class, () -> RecipeFiles.load(missing));
        assertTrue(e.getMessage().contains("cannot read " + missing + ": no such file"), e.getMessage());
    }
}
