using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Zhengzhao.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class NameIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "NameIndexed",
                table: "Enterprises",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            // WITHOUT ROWID, which EF cannot express: the postings are stored once, in the primary key's b-tree,
            // instead of in a rowid table plus an index holding the same two columns again.
            migrationBuilder.Sql("""
                CREATE TABLE "NameGrams" (
                    "Gram" TEXT NOT NULL,
                    "Uscc" TEXT NOT NULL,
                    CONSTRAINT "PK_NameGrams" PRIMARY KEY ("Gram", "Uscc")
                ) WITHOUT ROWID;
                """);

            migrationBuilder.CreateIndex(
                name: "IX_Enterprises_NameNotIndexed",
                table: "Enterprises",
                column: "Uscc",
                filter: "NOT \"NameIndexed\"");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "NameGrams");

            migrationBuilder.DropIndex(
                name: "IX_Enterprises_NameNotIndexed",
                table: "Enterprises");

            migrationBuilder.DropColumn(
                name: "NameIndexed",
                table: "Enterprises");
        }
    }
}
