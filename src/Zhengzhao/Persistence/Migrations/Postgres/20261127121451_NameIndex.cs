using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Zhengzhao.Persistence.Migrations.Postgres
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
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "NameGrams",
                columns: table => new
                {
                    Gram = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    Uscc = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NameGrams", x => new { x.Gram, x.Uscc });
                });

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
