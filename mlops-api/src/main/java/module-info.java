/**
 * The public vocabulary of mlops4j: the interfaces, records and exceptions that the other modules
 * implement and exchange. Depends on the JDK only.
 */
module org.mlops4j.api {
  exports org.mlops4j.api;
  exports org.mlops4j.api.tracking;
}
