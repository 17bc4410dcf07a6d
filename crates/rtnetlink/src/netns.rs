//! Named network namespaces as iproute2 keeps them under `/run/netns`.
