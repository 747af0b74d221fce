-- One database per subgraph: each subgraph owns its data and its own Flyway history.
CREATE DATABASE users;
CREATE DATABASE orders;
CREATE DATABASE catalog;
