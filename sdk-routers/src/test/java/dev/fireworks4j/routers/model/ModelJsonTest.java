package dev.fireworks4j.routers.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fireworks4j.core.json.Json;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ModelJsonTest {
  private static final ObjectMapper MAPPER = Json.mapper();

  private static JsonNode json(String text) throws Exception {
    return MAPPER.readTree(text.replace('\'', '"'));
  }

  @Test
  void aStrategyIsWrittenAsExactlyOneMarkerKeyAndNoneWhenUnset() throws Exception {
    Router even = Router.builder().addDeployments("accounts/a/deployments/d").strategy(RouterStrategy.EVEN_LOAD).build();
    Router unset = Router.builder().addDeployments("accounts/a/deployments/d").build();

    assertThat((Object) MAPPER.valueToTree(even)).isEqualTo(json("{'deployments':['accounts/a/deployments/d'],'evenLoad':{}}"));
    assertThat((Object) MAPPER.valueToTree(unset)).isEqualTo(json("{'deployments':['accounts/a/deployments/d']}"));
  }

  @Test
  void aMarkerKeyIsReadAsTheStrategyAndNotKeptAsAnUnknownField() throws Exception {
    Router router = MAPPER.readValue("{\"evenLoad\":{},\"futureField\":{\"x\":1}}", Router.class);

    assertThat(router.strategy()).contains(RouterStrategy.EVEN_LOAD);
    assertThat(router.additionalProperties()).containsOnlyKeys("futureField");
    assertThat((Object) MAPPER.valueToTree(router)).isEqualTo(json("{'evenLoad':{},'futureField':{'x':1}}"));
  }

  @Test
  void copiesKeepTheStrategyAndAnExplicitStrategyWinsOverAStrayKey() {
    Router router = Router.builder().strategy(RouterStrategy.WEIGHTED_RANDOM).displayName("r").build();
    Router copy = Router.builder().from(router).displayName("s").build();
    Router explicit = Router.builder().strategy(RouterStrategy.WEIGHTED_RANDOM)
        .putAdditionalProperties("evenLoad", MAPPER.createObjectNode()).build();

    assertThat(copy.strategy()).contains(RouterStrategy.WEIGHTED_RANDOM);
    assertThat(copy.displayName()).contains("s");
    assertThat(explicit.strategy()).contains(RouterStrategy.WEIGHTED_RANDOM);
    assertThat(explicit.additionalProperties()).isEmpty();
  }

  @Test
  void unknownStrategiesAndEnumValuesAreKept() throws Exception {
    Deployment deployment = MAPPER.readValue(
        "{\"acceleratorType\":\"NVIDIA_X300_1TB\",\"region\":\"MARS_1\",\"state\":\"HIBERNATING\"}", Deployment.class);

    assertThat(RouterStrategy.of("leastRequest").isKnown()).isFalse();
    assertThat(RouterStrategy.of("evenLoad")).isSameAs(RouterStrategy.EVEN_LOAD);
    assertThat(deployment.acceleratorType()).hasValueSatisfying(t -> assertThat(t.isKnown()).isFalse());
    assertThat((Object) MAPPER.valueToTree(deployment))
        .isEqualTo(json("{'acceleratorType':'NVIDIA_X300_1TB','region':'MARS_1','state':'HIBERNATING'}"));
  }

  @Test
  void durationsAreProtoDurationStrings() throws Exception {
    AutoscalingPolicy policy = MAPPER.readValue(
        "{\"scaleUpWindow\":\"30s\",\"scaleDownWindow\":\"0.5s\",\"scaleToZeroWindow\":\"3600s\"}", AutoscalingPolicy.class);

    assertThat(policy.scaleUpWindow()).contains(Duration.ofSeconds(30));
    assertThat(policy.scaleDownWindow()).contains(Duration.ofMillis(500));
    assertThat((Object) MAPPER.valueToTree(AutoscalingPolicy.builder().scaleToZeroWindow(Duration.ofMinutes(90)).build()))
        .isEqualTo(json("{'scaleToZeroWindow':'5400s'}"));
  }

  @Test
  void placementFactoriesSetExactlyOneField() throws Exception {
    assertThat((Object) MAPPER.valueToTree(Placement.region(Region.EU_FRANKFURT_1)))
        .isEqualTo(json("{'region':'EU_FRANKFURT_1'}"));
    assertThat((Object) MAPPER.valueToTree(Placement.multiRegion(MultiRegion.EUROPE)))
        .isEqualTo(json("{'multiRegion':'EUROPE'}"));
    assertThat((Object) MAPPER.valueToTree(Placement.regions(Region.US_IOWA_1, Region.US_TEXAS_1)))
        .isEqualTo(json("{'regions':['US_IOWA_1','US_TEXAS_1']}"));
  }
}
