package dev.dualpath.adapter.transport;

/** Every network transport with every delivery: the axis most transport tests run over. */
enum Mode {
    JDK_BLOCKING(TransportKind.JDK, Delivery.BLOCKING),
    JDK_ASYNC(TransportKind.JDK, Delivery.ASYNC),
    APACHE_BLOCKING(TransportKind.APACHE, Delivery.BLOCKING),
    APACHE_ASYNC(TransportKind.APACHE, Delivery.ASYNC);

    final TransportKind kind;
    final Delivery delivery;

    Mode(TransportKind kind, Delivery delivery) {
        this.kind = kind;
        this.delivery = delivery;
    }
}
