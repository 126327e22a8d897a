package dev.dualpath.adapter.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dualpath.adapter.error.CancelledException;
import dev.dualpath.adapter.error.ConnectionFailureException;
import dev.dualpath.adapter.error.ErrorDetails;
import dev.dualpath.adapter.error.NotFoundException;
import dev.dualpath.adapter.error.ProviderException;
import dev.dualpath.adapter.error.ProviderTimeoutException;
import dev.dualpath.adapter.error.TimeoutPhase;
import dev.dualpath.adapter.secret.ApiKey;
import dev.dualpath.adapter.wire.TransportFailure;
import dev.dualpath.adapter.wire.TransportFailure.Kind;
import java.io.IOException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ErrorMapperThrowableTest {

    private static final String REQUEST_ID = "req-7";
    private final ErrorMapper mapper = new ErrorMapper(new ApiKey("sk-test"));

    static Stream<Arguments> transportKinds() {
        return Stream.of(
                Arguments.of(
                        Kind.CONNECT_TIMEOUT,
                        ProviderTimeoutException.class,
                        TimeoutPhase.CONNECT,
                        true,
                        "timed out connecting: connect timed out after 5000 ms"),
                Arguments.of(
                        Kind.HEADERS_TIMEOUT,
                        ProviderTimeoutException.class,
                        TimeoutPhase.HEADERS,
                        true,
                        "timed out waiting for the response headers: connect timed out after 5000"
                                + " ms"),
                Arguments.of(
                        Kind.BODY_TIMEOUT,
                        ProviderTimeoutException.class,
                        TimeoutPhase.BODY,
                        true,
                        "timed out reading the response body: connect timed out after 5000 ms"),
                Arguments.of(
                        Kind.CONNECTION_FAILED,
                        ConnectionFailureException.class,
                        null,
                        true,
                        "connection failed: connect timed out after 5000 ms"),
                Arguments.of(
                        Kind.CANCELLED,
                        CancelledException.class,
                        null,
                        false,
                        "the call was cancelled"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("transportKinds")
    void transportFailureMapsByKind(
            Kind kind,
            Class<? extends ProviderException> type,
            TimeoutPhase phase,
            boolean retryable,
            String message) {
        TransportFailure failure =
                new TransportFailure(kind, "connect timed out after 5000 ms", null);

        ProviderException e = mapper.fromThrowable(failure, REQUEST_ID);

        assertThat(e).isExactlyInstanceOf(type).hasCause(failure);
        assertThat(e.details()).isEqualTo(ErrorDetails.noResponse(message, REQUEST_ID, retryable));
        if (phase != null) {
            assertThat(((ProviderTimeoutException) e).phase()).isEqualTo(phase);
        }
    }

    @Test
    void transportFailureWithoutAMessageGetsTheFixedTextAlone() {
        ProviderException e =
                mapper.fromThrowable(
                        new TransportFailure(Kind.BODY_TIMEOUT, null, null), REQUEST_ID);

        assertThat(e.details().message()).isEqualTo("timed out reading the response body");
    }

    static Stream<Arguments> wrappers() {
        TransportFailure inner = new TransportFailure(Kind.HEADERS_TIMEOUT, "no headers", null);
        return Stream.of(
                        Arguments.of(
                                "completion", (UnaryOperator<Throwable>) CompletionException::new),
                        Arguments.of(
                                "execution",
                                (UnaryOperator<Throwable>) t -> new ExecutionException(t)),
                        Arguments.of(
                                "completion in execution",
                                (UnaryOperator<Throwable>)
                                        t -> new ExecutionException(new CompletionException(t))),
                        Arguments.of(
                                "five deep",
                                (UnaryOperator<Throwable>)
                                        t ->
                                                new CompletionException(
                                                        new CompletionException(
                                                                new ExecutionException(
                                                                        new CompletionException(
                                                                                new ExecutionException(
                                                                                        t)))))))
                .map(a -> Arguments.of(a.get()[0], a.get()[1], inner));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wrappers")
    void wrappersAreUnwrappedToTheirCause(
            String name, UnaryOperator<Throwable> wrap, TransportFailure inner) {
        ProviderException e = mapper.fromThrowable(wrap.apply(inner), REQUEST_ID);

        assertThat(e).isInstanceOf(ProviderTimeoutException.class).hasCause(inner);
        assertThat(((ProviderTimeoutException) e).phase()).isEqualTo(TimeoutPhase.HEADERS);
    }

    @Test
    void aProviderExceptionIsReturnedAsItselfEvenWhenWrapped() {
        ProviderException original =
                new NotFoundException(
                        new ErrorDetails(404, null, null, null, "gone", "other", false));

        assertThat(mapper.fromThrowable(original, REQUEST_ID)).isSameAs(original);
        assertThat(mapper.fromThrowable(new CompletionException(original), REQUEST_ID))
                .isSameAs(original);
    }

    static Stream<Arguments> cancellations() {
        return Stream.of(
                Arguments.of(new CancellationException("future cancelled")),
                Arguments.of(new InterruptedException("sleep interrupted")),
                Arguments.of(new CompletionException(new CancellationException())),
                Arguments.of(new ExecutionException(new InterruptedException())),
                Arguments.of(new TransportFailure(Kind.CANCELLED, "aborted", null)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cancellations")
    void everyFormOfCancellationGivesTheSameDetails(Throwable failure) {
        ProviderException e = mapper.fromThrowable(failure, REQUEST_ID);

        assertThat(e).isInstanceOf(CancelledException.class);
        assertThat(e.details()).isEqualTo(mapper.cancelled(REQUEST_ID, null).details());
        assertThat(e.retryable()).isFalse();
    }

    @Test
    void cancelledKeepsItsCause() {
        InterruptedException cause = new InterruptedException();

        assertThat(mapper.cancelled(REQUEST_ID, cause))
                .isInstanceOf(CancelledException.class)
                .hasCause(cause);
    }

    @Test
    void anyOtherExceptionIsARetryableConnectionFailure() {
        IOException cause = new IOException("broken pipe");

        ProviderException e = mapper.fromThrowable(cause, REQUEST_ID);

        assertThat(e).isInstanceOf(ConnectionFailureException.class).hasCause(cause);
        assertThat(e.details())
                .isEqualTo(
                        ErrorDetails.noResponse(
                                "connection failed: unexpected java.io.IOException: broken pipe",
                                REQUEST_ID,
                                true));
    }

    @Test
    void anErrorIsAConnectionFailureThatIsNotRetried() {
        ProviderException e = mapper.fromThrowable(new StackOverflowError(), REQUEST_ID);

        assertThat(e).isInstanceOf(ConnectionFailureException.class);
        assertThat(e.retryable()).isFalse();
    }

    @Test
    void wrappersWithoutACauseAndNullAreConnectionFailures() {
        assertThat(mapper.fromThrowable(new CompletionException("lost", null), REQUEST_ID))
                .isInstanceOf(ConnectionFailureException.class);
        assertThat(mapper.fromThrowable(null, REQUEST_ID))
                .isInstanceOf(ConnectionFailureException.class);
    }

    @Test
    void aCauseChainThatLoopsDoesNotHang() {
        // The protected constructor leaves the cause unset, so it can be pointed back.
        CompletionException a =
                new CompletionException("a") {
                    private static final long serialVersionUID = 1L;
                };
        ExecutionException b = new ExecutionException("b", a);
        a.initCause(b);

        assertThat(mapper.fromThrowable(a, REQUEST_ID))
                .isInstanceOf(ConnectionFailureException.class);
    }
}
