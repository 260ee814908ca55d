package dev.connectchat.participant.spring;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The README's @SpringBootTest recipe is SpringBootRecipeTest, to the letter, so what users copy is what runs. */
class ReadmeRecipeTest {
    @Test
    void theReadmeShowsTheClassTheBuildRuns() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"));
        Matcher block = Pattern.compile("```java spring-boot-test\n(.*?)```", Pattern.DOTALL).matcher(readme);
        assertThat(block.find()).as("the recipe in the README").isTrue();
        String source = Files.readString(Path.of("src/test/java/dev/connectchat/participant/spring/SpringBootRecipeTest.java"));
        String body = source.substring(source.indexOf("@SpringBootTest"));
        assertThat(block.group(1).strip()).isEqualTo(body.strip());
    }
}
