package dev.connectchat.architecture;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * connectchat-bom has no parent (an imported bom must not pin what the build pins for itself), so its versions
 * are written twice: this holds them to the parent's, and holds it to manage every published module.
 */
class BomTest {
    private static Document read(String path) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(Path.of("..", path).toFile());
    }

    private static String property(Document pom, String name) {
        NodeList found = pom.getElementsByTagName(name);
        return found.getLength() == 0 ? null : found.item(0).getTextContent().strip();
    }

    @Test
    void theBomPinsWhatTheBuildPins() throws Exception {
        Document parent = read("pom.xml");
        Document bom = read("bom/pom.xml");
        for (String version : new String[]{"netty-bom.version", "reactor-bom.version"}) {
            assertThat(property(bom, version)).as(version).isNotNull().isEqualTo(property(parent, version));
        }
        assertThat(((Element) bom.getDocumentElement().getElementsByTagName("version").item(0)).getTextContent())
                .isEqualTo(((Element) parent.getDocumentElement().getElementsByTagName("version").item(0)).getTextContent());
    }

    @Test
    void theBomManagesEveryPublishedModule() throws Exception {
        Document bom = read("bom/pom.xml");
        Set<String> managed = new TreeSet<>();
        NodeList ids = bom.getElementsByTagName("artifactId");
        for (int i = 0; i < ids.getLength(); i++) {
            managed.add(ids.item(i).getTextContent().strip());
        }
        assertThat(managed).contains("connectchat-core", "connectchat-websocket", "connectchat-testkit",
                "connectchat-testcontainers", "connectchat-spring-boot", "netty-bom", "reactor-bom");
    }
}
