#!/bin/bash
cd /work/main
date -u +"start jdk17 %T"
./dualpath run --profile full --only in-memory --only environment -p bodyBytes=1171 --skip-conformance --baseline none --no-python-sdk --no-open-loop --results /tmp/env17 > /tmp/env17.console.log 2>&1
echo "exit $?" >> /tmp/env17.console.log
date -u +"start jdk25 %T"
DUALPATH_SKIP_BUILD=1 ./dualpath run --profile full --jvm /usr/lib/jvm/temurin-25-jdk-amd64/bin/java --only in-memory --only environment --only virtual-thread -p bodyBytes=1171 --skip-conformance --baseline none --no-python-sdk --no-open-loop --results /tmp/env25 > /tmp/env25.console.log 2>&1
echo "exit $?" >> /tmp/env25.console.log
date -u +"end %T"
