-- One database per subgraph: each subgraph owns its data and its own Flyway history.
-- generated from gateway-config/subgraphs.json by `npm run registry` in gateway-config; do not edit.
CREATE DATABASE users;
CREATE DATABASE orders;
CREATE DATABASE catalog;
CREATE DATABASE inventory;
