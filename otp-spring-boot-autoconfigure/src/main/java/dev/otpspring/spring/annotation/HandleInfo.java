package dev.otpspring.spring.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Handles plain messages sent to a {@link GenServer @GenServer} process — timer ticks from
 * {@code sendAfter}, {@link dev.otpspring.process.Down} from monitors, {@link dev.otpspring.process.Exit}
 * when trapping exits: {@code handle_info} in annotation style. The method takes one parameter;
 * it receives the messages assignable to that parameter's type (the most specific method wins).
 *
 * <pre>{@code
 * @OnInit
 * void schedule() { Self.runtime().sendAfter(Self.pid(), new Tick(), Duration.ofSeconds(1)); }
 *
 * @HandleInfo
 * void tick(Tick tick) { refresh(); schedule(); }
 * }</pre>
 *
 * Messages no method accepts are logged at warn level and dropped, as in Elixir.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface HandleInfo {

}
